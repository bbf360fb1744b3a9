/* json.c: the headless front end, protocol version 1 (README.md, "The JSON front end"): a
 * hello, then one JSON object per line out (scenes, notices, errors) and one request per line
 * in (request.h parses them strictly). The harness for tests and other front ends. Every line
 * written is valid UTF-8: whatever a story's strings hold, ill-formed bytes become U+FFFD. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/json/protocol.h"
#include "ui/json/request.h"
#include "ui/leave.h"
#include "ui/ui.h"

static void emit(const UiConfig *cfg, cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    if (s) {
        /* cJSON escapes controls but copies other bytes: repair what is not UTF-8 (RFC 8259
         * section 8.1). JSON's syntax is ASCII, so this only touches the insides of strings. */
        utf8_write_repaired(cfg->out, s, strlen(s));
        fputc('\n', cfg->out);
        fflush(cfg->out);
        cJSON_free(s);
    }
    cJSON_Delete(o);
}

/* Print every message of the array msgs, one per line, and free it. */
static void emit_all(const UiConfig *cfg, cJSON *msgs)
{
    cJSON *m;
    while ((m = cJSON_DetachItemFromArray(msgs, 0)) != NULL)
        emit(cfg, m);
    cJSON_Delete(msgs);
}

static UiExit json_play(Session *s, const UiConfig *cfg)
{
    emit_all(cfg, protocol_scene(s, "hello"));
    char *line = xmalloc(REQUEST_MAX_LINE + 1);
    size_t len;
    RequestLine got;
    int status = 0;
    double shown = util_now_seconds();
    while ((got = request_read_line(cfg->in, line, REQUEST_MAX_LINE, &len)) != REQUEST_LINE_END) {
        if (leave_signal()) /* a signal asked to leave: as quit (ui/leave.h) */
            break;
        Request rq;
        Err err;
        if (got == REQUEST_LINE_TOO_LONG)
            err_set(&err, "the line is longer than %d bytes; it was skipped", REQUEST_MAX_LINE);
        if (got == REQUEST_LINE_TOO_LONG || request_parse(line, len, &rq, &err) != 0) {
            emit(cfg, protocol_error(err.msg, false));
            continue;
        }
        cJSON *out = cJSON_CreateArray();
        bool failed = false;
        int stop = protocol_serve(s, &rq, &shown, out, &failed);
        emit_all(cfg, out);
        if (failed)
            status = 1;
        request_free(&rq);
        if (stop)
            break;
    }
    free(line);
    return status;
}

const Frontend ui_json = {.name = "json", .summary = "one JSON object per line, for programs (play only)",
                          .play = json_play};
