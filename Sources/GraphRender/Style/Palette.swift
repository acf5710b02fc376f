/// The colours of diagrams: a colour-blind-safe categorical palette for organizations and a
/// perceptually uniform sequential palette for scores.
public enum Palette {
    /// Okabe & Ito (2008), "Color Universal Design": the seven colours distinguishable under
    /// the common colour-vision deficiencies (their black left out: it is kept for text and
    /// highlights).
    public static let okabeIto: [Color] = [
        Color(hex: 0xE69F00), Color(hex: 0x56B4E9), Color(hex: 0x009E73), Color(hex: 0xF0E442),
        Color(hex: 0x0072B2), Color(hex: 0xD55E00), Color(hex: 0xCC79A7),
    ]

    /// Viridis (van der Walt & Smith, matplotlib 2015), nine stops from dark purple to yellow:
    /// uniform in perceived lightness and readable in grey and under colour-vision deficiencies.
    public static let viridis: [Color] = [
        Color(hex: 0x440154), Color(hex: 0x472D7B), Color(hex: 0x3B528B), Color(hex: 0x2C728E),
        Color(hex: 0x21918C), Color(hex: 0x28AE80), Color(hex: 0x5EC962), Color(hex: 0xADDC30),
        Color(hex: 0xFDE725),
    ]

    /// For missing values and unassigned nodes.
    public static let missing = Color(hex: 0xDDDDDD)

    /// The colour of the `i`-th category named `name`: Okabe–Ito for the first seven, then a
    /// hue hashed from the name (FNV-1a, stable across runs and machines) at a fixed
    /// saturation and lightness, so the same organization keeps its colour in every diagram.
    /// - Complexity: O(name length).
    public static func categorical(_ i: Int, name: String) -> Color {
        if i >= 0 && i < okabeIto.count { return okabeIto[i] }
        var h: UInt32 = 2166136261
        for b in name.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        let hue = Double(h % 360)
        let lightness = 0.45 + Double((h >> 9) % 3) * 0.1
        return Color(hue: hue, saturation: 0.55, lightness: lightness)
    }

    /// A position `t` in 0…1 on a sequential palette (linear between stops).
    /// - Complexity: O(1).
    public static func sequential(_ t: Double, stops: [Color] = viridis) -> Color {
        guard t.isFinite, let first = stops.first else { return missing }
        let x = min(max(t, 0), 1) * Double(stops.count - 1)
        let i = min(Int(x), stops.count - 2)
        guard i >= 0, stops.count > 1 else { return first }
        return stops[i].mixed(with: stops[i + 1], x - Double(i))
    }
}
