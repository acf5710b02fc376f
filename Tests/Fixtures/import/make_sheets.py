"""Makes the derived sheets of Tests/Fixtures/import from the hand-written personnes.csv and
liens.csv:
- personnes-cp1252.csv, liens-cp1252.csv: the same sheets in Windows-1252 (Excel's plain
  "CSV" export on a French Windows);
- liens.xlsx by openpyxl 3.1 (inline strings, as openpyxl writes them; the frequencies as
  numbers, 2.5 among them; a second sheet that must not be read);
- personnes.xlsx by XlsxWriter 3.2 (shared strings, as Excel writes them; "Loïc Müller" as a
  rich string of two runs; the committee column as booleans for "oui"/"non" and the text "x",
  "Oui" as it is).
Run from this folder: python3 make_sheets.py"""
import csv
import io

import openpyxl
import xlsxwriter


def rows(name):
    text = open(name, encoding="utf-8-sig", newline="").read()
    return list(csv.reader(io.StringIO(text), delimiter=";"))


for name in ("personnes", "liens"):
    text = open(f"{name}.csv", encoding="utf-8-sig", newline="").read()
    open(f"{name}-cp1252.csv", "wb").write(text.encode("cp1252"))

# liens.xlsx: openpyxl.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Feuil1"
for k, r in enumerate(rows("liens.csv")):
    out = []
    for i, cell in enumerate(r):
        if i == 3 and cell and k > 0:
            out.append(float(cell.replace(",", ".")) if "," in cell else int(cell))
        else:
            out.append(cell if cell else None)
    ws.append(out)
other = wb.create_sheet("Notes")
other.append(["not", "this", "sheet"])
wb.save("liens.xlsx")

# personnes.xlsx: XlsxWriter (shared strings).
wb = xlsxwriter.Workbook("personnes.xlsx")
ws = wb.add_worksheet("Feuil1")
bold = wb.add_format({"bold": True})
for k, r in enumerate(rows("personnes.csv")):
    for i, cell in enumerate(r):
        if not cell:
            continue
        if k > 0 and i == 3 and cell in ("oui", "non"):
            ws.write_boolean(k, i, cell == "oui")
        elif cell == "Loïc Müller":
            ws.write_rich_string(k, i, "Loïc ", bold, "Müller")
        else:
            ws.write_string(k, i, cell)
wb.add_worksheet("Notes").write_string(0, 0, "not this sheet")
wb.close()
