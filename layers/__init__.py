"""layers: places and statements in, annotated layers and files out."""
