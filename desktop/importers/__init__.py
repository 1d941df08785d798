"""Schedule importers, one module per format, each returning a core Schedule."""

from desktop.importers.detect import MAX_SCHEDULE_BYTES, parse_schedule

__all__ = ["MAX_SCHEDULE_BYTES", "parse_schedule"]
