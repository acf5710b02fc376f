/// The self-contained HTML page of a diagram or of diffusion frames: inline SVG, inline CSS
/// and script, nothing fetched. Written as XHTML-compatible markup (void elements closed, a
/// script without `<` or `&`) so that an XML parser can check it.
struct DiffusionPlayerPage {
    var title: String
    var caption: String?
    var stepLabels: [String]
    var svgs: [[UInt8]]

    /// Text for HTML content and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// One Graphviz SVG made fit for inlining as frame `t`: the XML declaration, doctype and
    /// comments dropped, every `id` prefixed with `f<t>-` so ids stay unique in the page.
    /// - Complexity: O(length), one pass over the bytes.
    static func inlineSVG(_ svg: [UInt8], frame t: Int) -> String {
        let open = Array("<!--".utf8), close = Array("-->".utf8), id = Array(" id=\"".utf8)
        let prefix = Array("f\(t)-".utf8)
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            i + pattern.count <= svg.count && svg[i..<(i + pattern.count)].elementsEqual(pattern)
        }
        var i = svg.firstRange(of: Array("<svg".utf8))?.lowerBound ?? 0
        var out: [UInt8] = []
        out.reserveCapacity(svg.count - i + 4096)
        while i < svg.count {
            if svg[i] == UInt8(ascii: "<") && matches(open, at: i) {
                var j = i + open.count
                while j < svg.count && !matches(close, at: j) { j += 1 }
                i = min(svg.count, j + close.count)
                continue
            }
            if svg[i] == UInt8(ascii: " ") && matches(id, at: i) {
                out += id; out += prefix
                i += id.count
                continue
            }
            out.append(svg[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    func html() -> [UInt8] {
        var w = ""
        w += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        w += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        w += "<title>\(Self.escape(title))</title>\n"
        w += """
            <style>
            body { font-family: Helvetica, Arial, sans-serif; margin: 16px; color: #222; background: #fff; }
            h1 { font-size: 20px; margin: 0 0 4px 0; }
            p.caption { font-size: 13px; color: #444; margin: 0 0 10px 0; }
            .controls { display: flex; align-items: center; gap: 12px; margin: 8px 0; }
            .controls button { font-size: 14px; min-width: 90px; padding: 4px 10px; }
            .controls input { flex: 1; max-width: 600px; }
            .controls output { font-size: 14px; min-width: 80px; font-variant-numeric: tabular-nums; }
            .frame svg { width: 100%; height: 82vh; }
            </style>

            """
        w += "</head>\n<body>\n<h1>\(Self.escape(title))</h1>\n"
        if let caption { w += "<p class=\"caption\">\(Self.escape(caption))</p>\n" }
        let last = max(svgs.count - 1, 0)
        if svgs.count > 1 {
            w += "<div class=\"controls\">\n"
            w += "<button id=\"play\" type=\"button\" aria-label=\"play or pause\">▶ Play</button>\n"
            w += "<input id=\"step\" type=\"range\" min=\"0\" max=\"\(last)\" value=\"0\" step=\"1\" aria-label=\"step\"/>\n"
            w += "<output id=\"step-label\" for=\"step\">\(Self.escape(stepLabels.first ?? ""))</output>\n"
            w += "</div>\n"
        }
        for (t, svg) in svgs.enumerated() {
            let label = t < stepLabels.count ? stepLabels[t] : "step \(t)"
            w += "<div class=\"frame\" id=\"frame-\(t)\" data-label=\"\(Self.escape(label))\""
            w += t == 0 ? ">\n" : " hidden=\"hidden\">\n"
            w += Self.inlineSVG(svg, frame: t)
            w += "</div>\n"
        }
        if svgs.count > 1 {
            w += """
                <script>
                (function () {
                  var frames = document.querySelectorAll('.frame');
                  var slider = document.getElementById('step');
                  var label = document.getElementById('step-label');
                  var button = document.getElementById('play');
                  var timer = null;
                  function show(i) {
                    frames.forEach(function (f, k) { f.hidden = (k !== i); });
                    slider.value = String(i);
                    label.textContent = frames[i].getAttribute('data-label');
                  }
                  function stop() {
                    if (timer !== null) { clearInterval(timer); timer = null; }
                    button.textContent = '▶ Play';
                  }
                  slider.addEventListener('input', function () { stop(); show(Number(slider.value)); });
                  button.addEventListener('click', function () {
                    if (timer !== null) { stop(); return; }
                    var i = Number(slider.value);
                    if (i === frames.length - 1) { i = 0; show(0); }
                    button.textContent = '❚❚ Pause';
                    timer = setInterval(function () {
                      i = i + 1;
                      if (i >= frames.length) { stop(); return; }
                      show(i);
                    }, 700);
                  });
                  document.addEventListener('keydown', function (e) {
                    var i = Number(slider.value);
                    if (e.key === 'ArrowRight') { stop(); show(Math.min(frames.length - 1, i + 1)); }
                    if (e.key === 'ArrowLeft') { stop(); show(Math.max(0, i - 1)); }
                    if (e.key === ' ') { e.preventDefault(); button.click(); }
                  });
                  // A link can open a given step: page.html#step=6.
                  var asked = /step=(\\d+)/.exec(location.hash);
                  show(asked ? Math.min(frames.length - 1, Number(asked[1])) : 0);
                })();
                </script>

                """
        }
        w += "</body>\n</html>\n"
        return Array(w.utf8)
    }
}
