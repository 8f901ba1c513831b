// cairo's PDF surface and PangoCairo layouts, A4 pages with 50 pt margins.
#include "testing/pdf_maker.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

namespace lectern::ingest::testing {
namespace {

constexpr double kPageWidth = 595.0;   // A4 in points
constexpr double kPageHeight = 842.0;
constexpr double kMargin = 50.0;
constexpr double kColumnGap = 30.0;
constexpr double kImageScale = 300.0 / 72.0;  // image pages are drawn at 300 dpi

// A Pango layout of `text` in `font`, `width` points wide (0: unbounded), aligned as asked.
PangoLayout* make_layout(cairo_t* cr, const std::string& text, PangoFontDescription* desc, double width,
                         PangoAlignment align) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    pango_layout_set_font_description(layout, desc);
    if (width > 0) pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
    pango_layout_set_auto_dir(layout, TRUE);
    pango_layout_set_alignment(layout, align);
    pango_layout_set_text(layout, text.c_str(), -1);
    return layout;
}

double layout_height(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

// Draws `table` from (x, y); returns its height.
double draw_table(cairo_t* cr, const TestTable& table, double x, double y) {
    PangoFontDescription* regular = pango_font_description_from_string(table.font.c_str());
    PangoFontDescription* bold = pango_font_description_copy(regular);
    pango_font_description_set_weight(bold, PANGO_WEIGHT_BOLD);
    double width = 0;
    for (double w : table.widths) width += w;
    const double top = y;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const bool header = static_cast<int>(r) < table.header_rows;
        if (table.rules && r == 0) {
            cairo_rectangle(cr, x, y - 2, width, 0.6);
            cairo_fill(cr);
        }
        double row_height = 0, cx = x;
        for (std::size_t c = 0; c < table.rows[r].size() && c < table.widths.size(); ++c) {
            // Columns after the first are right-aligned, a little in from their right edge.
            const double w = table.widths[c] - (c == 0 ? 8.0 : 4.0);
            PangoLayout* layout = make_layout(cr, table.rows[r][c], header ? bold : regular, w,
                                              c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
            cairo_move_to(cr, cx, y);
            pango_cairo_show_layout(cr, layout);
            row_height = std::max(row_height, layout_height(layout));
            g_object_unref(layout);
            cx += table.widths[c];
        }
        y += row_height + 3.0;
        if (table.rules && static_cast<int>(r) + 1 == table.header_rows) {
            cairo_rectangle(cr, x, y - 1.5, width, 0.6);
            cairo_fill(cr);
        }
    }
    pango_font_description_free(bold);
    pango_font_description_free(regular);
    return y - top;
}

// Lays out `blocks` [begin, end) in a column of `width` points from x on `cr`.
// Returns where the column ends.
double draw_column(cairo_t* cr, const std::vector<TestBlock>& blocks, std::size_t begin, std::size_t end,
                   const std::string& font, double x, double width, double y = kMargin) {
    PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
    for (std::size_t i = begin; i < end; ++i) {
        if (!blocks[i].table.rows.empty()) {
            y += draw_table(cr, blocks[i].table, x, y) + 10.0;
            continue;
        }
        PangoLayout* layout = make_layout(cr, blocks[i].paragraph, desc, width, PANGO_ALIGN_LEFT);
        cairo_move_to(cr, x, y);
        pango_cairo_show_layout(cr, layout);
        y += layout_height(layout) + 10.0;
        g_object_unref(layout);
    }
    pango_font_description_free(desc);
    return y;
}

void draw_page_text(cairo_t* cr, const TestPage& page) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    std::vector<TestBlock> blocks = page.blocks;
    if (blocks.empty())
        for (const std::string& p : page.paragraphs) blocks.push_back(TestBlock{p, {}});
    const std::size_t n = blocks.size();
    // Blocks across the page first (a title, a table over both columns), then the columns.
    const double top = draw_column(cr, page.across, 0, page.across.size(), page.font, kMargin, kPageWidth - 2 * kMargin);
    if (page.columns <= 1) {
        draw_column(cr, blocks, 0, n, page.font, kMargin, kPageWidth - 2 * kMargin, top);
        return;
    }
    const double width = (kPageWidth - 2 * kMargin - kColumnGap) / 2;
    const std::size_t half = (n + 1) / 2;
    draw_column(cr, blocks, 0, half, page.font, kMargin, width, top);
    draw_column(cr, blocks, half, n, page.font, kMargin + width + kColumnGap, width, top);
}

// The page's text rendered into a white bitmap and painted: pixels only, no text objects.
void draw_page_image(cairo_t* cr, const TestPage& page) {
    const int w = static_cast<int>(kPageWidth * kImageScale);
    const int h = static_cast<int>(kPageHeight * kImageScale);
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* icr = cairo_create(image);
    cairo_set_source_rgb(icr, 1, 1, 1);
    cairo_paint(icr);
    cairo_scale(icr, kImageScale, kImageScale);
    draw_page_text(icr, page);
    cairo_destroy(icr);
    cairo_surface_flush(image);
    cairo_save(cr);
    cairo_scale(cr, 1.0 / kImageScale, 1.0 / kImageScale);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(image);
}

}  // namespace

Status write_test_pdf(const std::string& path, const TestPdf& pdf) {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return make_error(ErrorCode::Io, "cannot create the PDF", path);
    }
    if (!pdf.title.empty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, pdf.title.c_str());
    if (!pdf.author.empty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, pdf.author.c_str());
    if (!pdf.created.empty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                       pdf.created.c_str());
    cairo_t* cr = cairo_create(surface);
    for (const TestPage& page : pdf.pages) {
        if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface, page.label.c_str());
        if (page.as_image) draw_page_image(cr, page);
        else draw_page_text(cr, page);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        return make_error(ErrorCode::Io, cairo_status_to_string(status), path);
    return {};
}

// LeakSanitizer: cairo 1.16's PDF surface keeps one 768-byte array per finished surface
// (inside cairo_surface_finish, a library bug, not Lectern's). Tests and the benchmark that
// make PDFs link this file, so the suppression applies to them only. fontconfig's pattern
// cache (reached through pango) is process-lifetime state that programs which do not call
// release_font_caches() at exit leave behind.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libcairo.so\nleak:libfontconfig.so\n";
}

void release_font_caches() {
    pango_cairo_font_map_set_default(nullptr);
    cairo_debug_reset_static_data();
    FcFini();
}

}  // namespace lectern::ingest::testing
