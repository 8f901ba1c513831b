// Zoom levels shared by the PDF and text views: 1.0 is 100 %, the limits keep renders and
// fonts within reason, and zooming in or out walks a list of familiar percentages.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>

namespace lectern::ui {

inline constexpr double kMinZoom = 0.25;
inline constexpr double kMaxZoom = 8.0;

inline double clampZoom(double factor) {
    if (!std::isfinite(factor))
        return 1.0;
    return std::clamp(factor, kMinZoom, kMaxZoom);
}

// The next familiar level above (direction > 0) or below (direction < 0) `factor`.
inline double stepZoom(double factor, int direction) {
    static constexpr std::array<double, 18> levels = {0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25,
                                                      1.5,  1.75, 2.0, 2.5,  3.0,  4.0, 5.0, 6.0, 8.0};
    constexpr double slack = 0.005;  // a fitted 99.7 % steps to 110 %, not to 100 %
    if (direction > 0) {
        for (double level : levels)
            if (level > factor + slack)
                return level;
        return kMaxZoom;
    }
    for (auto it = levels.rbegin(); it != levels.rend(); ++it)
        if (*it < factor - slack)
            return *it;
    return kMinZoom;
}

}  // namespace lectern::ui
