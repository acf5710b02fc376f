"""Makes the .xlsx fixtures of Excel dates (openpyxl 3.1; run from this folder:
python3 make_dates.py). The people are those of personnes.csv (so that liens.csv gives their
ties); the column "Date d'adoption" holds dates as Excel stores them: serial days with a date
style, in five formats (a custom French DD/MM/YYYY, the built-in format 14, a date and time,
"d mmmm yyyy", ISO), empty for the two who never adopted. Beside it: a time of day alone
("Heure", HH:MM) and a plain number ("Ancienneté"), which must stay numbers, and 1900-02-28
and 1900-03-01 around Excel's fictitious 1900-02-29 ("Autre date"; 1900 system only: the
1904 system has no day before 1904-01-01).
- personnes-dates.xlsx: the 1900 date system (Excel's default on Windows);
- personnes-dates-1904.xlsx: the same dates in the 1904 date system (old Mac workbooks);
- dates-serial60.xlsx: the serial 60 (Excel's 1900-02-29, a day that does not exist) with a
  date style: refused.
The expected ISO dates are written in EXPECTED below and in the tests."""
import datetime

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

D = datetime.date
ROWS = [
    # name, organization, committee, adoption date, its format, hour, seniority, other date
    ("Loïc Müller", "CCAS Maison de quartier", "oui", D(2021, 3, 15), "DD/MM/YYYY", datetime.time(9, 30), 12, D(1900, 2, 28)),
    ("Hélène Dupré-Lefèvre", "CG71 Service social", "oui", D(2021, 3, 2), "mm-dd-yy", None, 2.5, D(1900, 3, 1)),
    ("Amélie Roux", "CG71 Service social", "non", datetime.datetime(2021, 5, 20, 10, 30), "DD/MM/YYYY HH:MM", None, 1, None),
    ("Benoît Lê", "CG71 Service social", "non", None, None, None, 3, None),
    ("Françoise N'Diaye", "Conseil départemental Insertion", "oui", D(2021, 12, 1), "d mmmm yyyy", None, 7, None),
    ("Zoé Garçon", "AFPA", "non", D(2022, 2, 10), "yyyy-mm-dd", None, 4, None),
    ("Jean-Éric Ollivier", "Conseil départemental Insertion", "non", None, None, None, 20, None),
    ("Marie Dubois", "Pôle emploi", "oui", D(2021, 4, 1), "DD/MM/YYYY", None, 5, None),
    ("Noël Château", "Pôle emploi", "non", D(2021, 3, 31), "DD/MM/YYYY", None, 9, None),
]
EXPECTED = ["2021-03-15", "2021-03-02", "2021-05-20T10:30:00", "", "2021-12-01", "2022-02-10", "", "2021-04-01", "2021-03-31"]


def workbook(epoch=None):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "Feuil1"
    ws.append(["Nom", "Structure", "Comité de pilotage", "Date d'adoption", "Heure", "Ancienneté", "Autre date"])
    for k, (name, org, committee, date, fmt, hour, years, other) in enumerate(ROWS, start=2):
        if epoch is not None:
            other = None
        ws.append([name, org, committee, date, hour, years, other])
        if fmt:
            ws.cell(row=k, column=4).number_format = fmt
        if hour is not None:
            ws.cell(row=k, column=5).number_format = "HH:MM"
        if other is not None:
            ws.cell(row=k, column=7).number_format = "DD/MM/YYYY"
    return wb


workbook().save("personnes-dates.xlsx")
workbook(CALENDAR_MAC_1904).save("personnes-dates-1904.xlsx")

wb = openpyxl.Workbook()
ws = wb.active
ws.append(["Nom", "Structure", "Date d'adoption"])
ws.append(["Loïc Müller", "CCAS Maison de quartier", 60])
ws.cell(row=2, column=3).number_format = "DD/MM/YYYY"
wb.save("dates-serial60.xlsx")

# Check what was written: the serials openpyxl stored, read back raw.
for name in ("personnes-dates.xlsx", "personnes-dates-1904.xlsx"):
    back = openpyxl.load_workbook(name)
    got = []
    for r in back.active.iter_rows(min_row=2, min_col=4, max_col=4):
        v = r[0].value
        got.append("" if v is None else (v.isoformat() if isinstance(v, datetime.datetime) and v.time() != datetime.time(0)
                                          else v.date().isoformat() if isinstance(v, datetime.datetime) else v.isoformat()))
    assert got == EXPECTED, (name, got)
print("ok")
