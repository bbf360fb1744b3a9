/* png.h: write an RGB image as a PNG (stored, uncompressed deflate: no zlib needed). */
#ifndef LADDER_PNG_H
#define LADDER_PNG_H

#include "core/util.h"

/* rgb: w*h*3 bytes, rows top to bottom. Written atomically. Returns 0 or -1 with err. */
int png_write(const char *path, const unsigned char *rgb, int w, int h, Err *err);

#endif
