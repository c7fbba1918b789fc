"""Location of the data files shipped beside the code (rule sets, templates, fonts)."""

from pathlib import Path

RESOURCES_DIR: Path = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource.

    Args:
        parts: path components below ``resources/`` (e.g. ``"rules", "cn.toml"``).

    Returns:
        The absolute ``Path``; existence is not checked.
    """
    return RESOURCES_DIR.joinpath(*parts)
