#!/usr/bin/env python3
"""Prints what a reader of a .docx would see of its layout: how many images
it embeds and the share of the page width that the first table gives its
first column. Usage: docx_summary.py FILE.docx"""
import re
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as docx:
    media = [n for n in docx.namelist() if n.startswith("word/media/")]
    document = docx.read("word/document.xml").decode("utf-8")
drawings = len(re.findall(r"<w:drawing>", document))
table = re.search(r"<w:tblGrid>(.*?)</w:tblGrid>", document, re.S)
widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table.group(1))] if table else []
print(f"media {len(media)}")
print(f"drawings {drawings}")
print(f"first_column_share {widths[0] / sum(widths) if widths else 0:.2f}")
