/// An sRGB colour, written `#RRGGBB` in DOT and SVG.
public struct Color: Sendable, Hashable, CustomStringConvertible {
    /// Components in 0…1.
    public var red: Double, green: Double, blue: Double

    /// Components in 0…1.
    public init(red: Double, green: Double, blue: Double) {
        self.red = min(max(red, 0), 1); self.green = min(max(green, 0), 1); self.blue = min(max(blue, 0), 1)
    }

    /// From `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255)
    }

    /// From hue (degrees), saturation and lightness in 0…1.
    public init(hue: Double, saturation s: Double, lightness l: Double) {
        let c = (1 - abs(2 * l - 1)) * s
        let h = (hue.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360) / 60
        let x = c * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double) = switch h {
        case ..<1: (c, x, 0)
        case ..<2: (x, c, 0)
        case ..<3: (0, c, x)
        case ..<4: (0, x, c)
        case ..<5: (x, 0, c)
        default: (c, 0, x)
        }
        let m = l - c / 2
        self.init(red: r + m, green: g + m, blue: b + m)
    }

    /// `#RRGGBB`.
    public var description: String {
        let d = Array("0123456789ABCDEF")
        var s = "#"
        for v in [red, green, blue] {
            let b = Int((v * 255).rounded())
            s.append(d[b >> 4]); s.append(d[b & 15])
        }
        return s
    }

    /// `#RRGGBBAA` with an opacity in 0…1.
    public func withAlpha(_ alpha: Double) -> String {
        let d = Array("0123456789ABCDEF")
        let a = Int((min(max(alpha, 0), 1) * 255).rounded())
        return description + String([d[a >> 4], d[a & 15]])
    }

    /// This colour moved toward another by `t` in 0…1 (in sRGB).
    public func mixed(with other: Color, _ t: Double) -> Color {
        Color(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
              blue: blue + (other.blue - blue) * t)
    }

    /// `#FFFFFF`.
    public static let white = Color(hex: 0xFFFFFF)
    /// `#000000`.
    public static let black = Color(hex: 0x000000)

    /// WCAG relative luminance (sRGB transfer: `((c + 0.055) / 1.055)^2.4`).
    public var luminance: Double {
        func lin(_ c: Double) -> Double {
            if c <= 0.04045 { return c / 12.92 }
            let x = (c + 0.055) / 1.055
            return x * x * fifthRoot(x * x)   // x^2.4 = x^2 · (x^2)^(1/5)
        }
        return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue)
    }

    /// The text colour (black or white) with the higher WCAG contrast on this background.
    public var readableText: Color {
        let l = luminance
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? .black : .white
    }
}

/// The fifth root of `a` in (0, 1] by Newton's method (GraphRender does not link libm).
private func fifthRoot(_ a: Double) -> Double {
    guard a > 0 else { return 0 }
    var y = 1.0
    for _ in 0..<40 {
        let y4 = y * y * y * y
        let next = y - (y4 * y - a) / (5 * y4)
        if abs(next - y) < 1e-12 { return next }
        y = next
    }
    return y
}
