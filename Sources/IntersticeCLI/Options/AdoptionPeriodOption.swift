import ArgumentParser
import Foundation
import Interstice

extension AdoptionPeriod: ExpressibleByArgument {}

/// `--period` of `exposure` and `fit`: the help text, the check against `--never`, and the
/// note that says which dates period 1 and the last period cover.
enum AdoptionPeriodOption {
    static let help = ArgumentHelp("Read the adoption column as dates (YYYY-MM-DD, as `import` reads Excel dates) counted in day, week, month or year periods from the earliest adoption (period 1); never-adopters' cells are left empty, and counted as never-adopters with --missing never.", valueName: "unit")

    static func validate(period: AdoptionPeriod?, never: Int?) throws {
        if period != nil && never != nil {
            throw ValidationError("--never codes a never-adopter by a period number; with --period (dates) leave never-adopters' cells empty")
        }
    }

    /// One line on stderr saying how dates became periods (nothing without --period).
    static func note(_ period: AdoptionPeriod?, _ times: AdoptionTimes) {
        guard let period, let p = times.periods else { return }
        printError("interstice: note: --period \(period.rawValue): \(times.source); adoptions in periods \(p.lowerBound)–\(p.upperBound)")
    }
}
