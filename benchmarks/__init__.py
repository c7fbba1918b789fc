"""Speed and memory benchmarks (``make bench``), reported as ratios to a same-run baseline."""
