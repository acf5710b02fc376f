import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

/// Excel's dates in `.xlsx`: cells with a date style read as ISO dates in either date system
/// (fixtures made by Tests/Fixtures/import/make_dates.py with openpyxl).
@Suite("xlsx dates")
struct XLSXDatesTests {
    /// The adoption dates as written in make_dates.py (EXPECTED), one per person.
    static let adoption = ["2021-03-15", "2021-03-02", "2021-05-20T10:30:00", "", "2021-12-01", "2022-02-10", "",
                           "2021-04-01", "2021-03-31"]

    @Test(arguments: ["personnes-dates.xlsx", "personnes-dates-1904.xlsx"])
    func dateCellsReadAsISODates(file: String) throws {
        let s = try Sheet.read(Fixtures.path("import/\(file)"))
        #expect(s.rows.count == 10)
        #expect(s.rows[0].map(\.text) == ["Nom", "Structure", "Comité de pilotage", "Date d'adoption", "Heure", "Ancienneté", "Autre date"])
        let dates = s.rows.dropFirst().map { $0.count > 3 ? $0[3].text : "" }
        #expect(dates == Self.adoption)
        // A time of day alone and a plain number stay numbers.
        #expect(s.rows[1][4].text == "0.3958333333333333" && s.rows[1][5].text == "12" && s.rows[2][5].text == "2.5")
        // Around Excel's fictitious 1900-02-29 (the 1904 system has no such days: left empty there).
        if file == "personnes-dates.xlsx" {
            #expect(s.rows[1][6].text == "1900-02-28" && s.rows[2][6].text == "1900-03-01")
        } else {
            #expect(s.rows[1].count == 6 && s.rows[2].count == 6)
        }
    }

    @Test func serialDaysInBothSystems() {
        #expect(XLSXDates.iso(serial: 1, date1904: false, time: false) == "1900-01-01")
        #expect(XLSXDates.iso(serial: 59, date1904: false, time: false) == "1900-02-28")
        #expect(XLSXDates.iso(serial: 60, date1904: false, time: false) == nil)
        #expect(XLSXDates.iso(serial: 61, date1904: false, time: false) == "1900-03-01")
        #expect(XLSXDates.iso(serial: 44270, date1904: false, time: false) == "2021-03-15")
        #expect(XLSXDates.iso(serial: 44270 - 1462, date1904: true, time: false) == "2021-03-15")
        #expect(XLSXDates.iso(serial: 0, date1904: true, time: false) == "1904-01-01")
        #expect(XLSXDates.iso(serial: 0, date1904: false, time: false) == nil)
        #expect(XLSXDates.iso(serial: -1, date1904: false, time: false) == nil && XLSXDates.iso(serial: -1402, date1904: true, time: false) == nil)
        #expect(XLSXDates.iso(serial: 44336.4375, date1904: false, time: true) == "2021-05-20T10:30:00")
        #expect(XLSXDates.iso(serial: 44336.9999999, date1904: false, time: true) == "2021-05-21T00:00:00")
    }

    @Test func whichFormatsAreDates() {
        for id in [14, 15, 16, 17, 27, 36, 50, 58] { #expect(XLSXDates.builtIn(id) == .date, "\(id)") }
        #expect(XLSXDates.builtIn(22) == .dateTime)
        for id in [0, 1, 2, 9, 10, 11, 18, 19, 20, 21, 45, 46, 47, 49] { #expect(XLSXDates.builtIn(id) == nil, "\(id)") }
        #expect(XLSXDates.custom("DD/MM/YYYY") == .date && XLSXDates.custom("d mmmm yyyy") == .date)
        #expect(XLSXDates.custom("mmm-yy") == .date && XLSXDates.custom("[$-40C]dddd d mmmm yyyy") == .date)
        #expect(XLSXDates.custom("DD/MM/YYYY HH:MM") == .dateTime && XLSXDates.custom("yyyy-mm-dd h:mm:ss") == .dateTime)
        #expect(XLSXDates.custom("HH:MM") == nil && XLSXDates.custom("[h]:mm:ss") == nil && XLSXDates.custom("mm:ss") == nil)
        #expect(XLSXDates.custom("0.00\" days\"") == nil && XLSXDates.custom("#,##0 \\d") == nil)
        #expect(XLSXDates.custom("[Red]0.00;[Blue]-0.00") == nil && XLSXDates.custom("General") == nil)
    }

    /// Excel's 1900-02-29 with a date style: one line naming the cell.
    @Test func serial60IsRefused() throws {
        #expect {
            _ = try Sheet.read(Fixtures.path("import/dates-serial60.xlsx"))
        } throws: { e in
            let text = "\(e)"
            return text.contains("dates-serial60.xlsx") && text.contains("the cell C2 has a date format but holds \"60\"")
                && text.contains("1900 date system")
        }
    }
}
