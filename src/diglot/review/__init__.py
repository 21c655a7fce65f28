"""Review in Word: export a PO file as a bilingual review table (DOCX), and bring a
reviewer's edits, approvals and comments back into the PO file.

``export.export_review`` writes the document; ``importer.import_review`` reads it back.
"""
