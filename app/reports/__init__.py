"""PDF letters and reports (ReportLab). Pure: plain data in, PDF bytes out; no session, no Qt."""

from app.reports.acknowledgement import (
    ACKNOWLEDGEMENT,
    AcknowledgementFacts,
    acknowledgement_version,
    render_acknowledgement,
)
from app.reports.fonts import FontStack, default_font_stack
from app.reports.letterhead import Letterhead, default_letterhead, load_letterhead
from app.reports.templates import TemplateVersion, load_template_file

__all__ = [
    "ACKNOWLEDGEMENT",
    "AcknowledgementFacts",
    "FontStack",
    "Letterhead",
    "TemplateVersion",
    "acknowledgement_version",
    "default_font_stack",
    "default_letterhead",
    "load_letterhead",
    "load_template_file",
    "render_acknowledgement",
]
