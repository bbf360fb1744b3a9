/* qr.c: the join address as a QR code. The encoding is libqrencode's (QRcode_encodeString,
 * 8-bit mode, error correction level M; module data as its qrencode.h documents: bit 0 of
 * each byte is black); this file only draws the modules, as an SVG of one path, and in a
 * terminal with half-block characters (two modules per character cell, with the four-module
 * quiet zone that ISO/IEC 18004 asks for). */
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>

#include "tools/serve/serve.h"

/* The quiet zone around the symbol, in modules (ISO/IEC 18004, section 7.3.8). */
#define QUIET 4

static QRcode *encode(const char *text, Err *err)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q)
        err_set(err, "the address '%s' cannot be drawn as a QR code", text);
    return q;
}

static bool dark(const QRcode *q, int x, int y)
{
    if (x < 0 || y < 0 || x >= q->width || y >= q->width)
        return false;
    return q->data[y * q->width + x] & 1;
}

char *serve_qr_svg(const char *text, Err *err)
{
    QRcode *q = encode(text, err);
    if (!q)
        return NULL;
    int size = q->width + 2 * QUIET;
    Buf b = {0};
    buf_printf(&b,
               "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
               "shape-rendering=\"crispEdges\" role=\"img\"><title>QR code of %s</title>"
               "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
               size, size, "the join address", size, size);
    for (int y = 0; y < q->width; y++)
        for (int x = 0; x < q->width; x++)
            if (dark(q, x, y))
                buf_printf(&b, "M%d %dh1v1h-1z", x + QUIET, y + QUIET);
    buf_puts(&b, "\"/></svg>\n");
    QRcode_free(q);
    return buf_take(&b);
}

void serve_qr_print(FILE *out, const char *text)
{
    Err err;
    QRcode *q = encode(text, &err);
    if (!q)
        return;
    /* light modules are drawn (a terminal's text colour is light on dark more often than
     * not, and a phone reads an inverted code less reliably): each cell is two rows */
    static const char *const cell[4] = {"\u2588", "\u2580", "\u2584", " "};
    for (int y = -QUIET; y < q->width + QUIET; y += 2) {
        for (int x = -QUIET; x < q->width + QUIET; x++) {
            int top = dark(q, x, y), bottom = dark(q, x, y + 1);
            /* index: which halves are light (drawn) */
            fputs(cell[(top ? 2 : 0) + (bottom ? 1 : 0)], out);
        }
        fputc('\n', out);
    }
    QRcode_free(q);
}
