"""Photos with Pillow: validation, capture time, orientation, thumbnails, clean export. No Qt."""
