/* png.c: a minimal PNG writer: IHDR, one IDAT of stored deflate blocks, IEND. */
#include "ui/sdl/png.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t crc_table[256];

static void crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc(uint32_t c, const unsigned char *p, size_t n)
{
    c ^= 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static void be32(Buf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    buf_add(b, (const char *)x, 4);
}

static void chunk(Buf *out, const char *type, const unsigned char *data, size_t n)
{
    be32(out, (uint32_t)n);
    size_t start = out->len;
    buf_add(out, type, 4);
    if (n)
        buf_add(out, (const char *)data, n);
    be32(out, crc(0, (const unsigned char *)out->s + start, n + 4));
}

int png_write(const char *path, const unsigned char *rgb, int w, int h, Err *err)
{
    crc_init();
    size_t row = (size_t)w * 3 + 1, raw_len = row * (size_t)h;
    unsigned char *raw = xmalloc(raw_len);
    for (int y = 0; y < h; y++) {
        raw[(size_t)y * row] = 0; /* filter: none */
        memcpy(raw + (size_t)y * row + 1, rgb + (size_t)y * (size_t)w * 3, (size_t)w * 3);
    }
    /* zlib stream of stored blocks (at most 65535 bytes each) with an Adler-32 trailer */
    Buf z = {0};
    buf_add(&z, "\x78\x01", 2);
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < raw_len; i++) {
        a = (a + raw[i]) % 65521;
        b = (b + a) % 65521;
    }
    for (size_t off = 0; off < raw_len || raw_len == 0;) {
        size_t n = raw_len - off > 65535 ? 65535 : raw_len - off;
        unsigned char hdr[5] = {(unsigned char)(off + n == raw_len), (unsigned char)(n & 0xff),
                                (unsigned char)(n >> 8), (unsigned char)(~n & 0xff),
                                (unsigned char)((~n >> 8) & 0xff)};
        buf_add(&z, (const char *)hdr, 5);
        buf_add(&z, (const char *)raw + off, n);
        off += n;
        if (raw_len == 0)
            break;
    }
    be32(&z, (b << 16) | a);
    free(raw);

    Buf out = {0};
    buf_add(&out, "\x89PNG\r\n\x1a\n", 8);
    unsigned char ihdr[13];
    uint32_t W = (uint32_t)w, H = (uint32_t)h;
    unsigned char dims[8] = {(unsigned char)(W >> 24), (unsigned char)(W >> 16),
                             (unsigned char)(W >> 8),  (unsigned char)W,
                             (unsigned char)(H >> 24), (unsigned char)(H >> 16),
                             (unsigned char)(H >> 8),  (unsigned char)H};
    memcpy(ihdr, dims, 8);
    ihdr[8] = 8;  /* bit depth */
    ihdr[9] = 2;  /* colour type: RGB */
    ihdr[10] = 0; /* compression */
    ihdr[11] = 0; /* filter */
    ihdr[12] = 0; /* interlace */
    chunk(&out, "IHDR", ihdr, sizeof ihdr);
    chunk(&out, "IDAT", (const unsigned char *)z.s, z.len);
    chunk(&out, "IEND", NULL, 0);
    buf_free(&z);
    int rc = write_file_atomic(path, out.s, out.len, err);
    buf_free(&out);
    return rc;
}
