"""reportlab documents: plain data in, an A4 PDF out. No Qt, no database."""
