"""The Office Open XML kit shared by the DOCX edition and the review export: raw XML pieces,
styles, inline runs, page setup and package stamping (python-docx and lxml live here and in
the DOCX builder)."""
