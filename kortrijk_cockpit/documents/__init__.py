"""Documents: ICS, DOCX and PDF rendering. Only the PDF module may use QtGui."""
