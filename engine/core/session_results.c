/* session_results.c: a workshop participant's results, as a session writes them: when, and
 * once per state (the file's format and name are core/results.c's). */
#include "core/session.h"

#include <stdlib.h>
#include <string.h>

#include "core/results.h"
#include "core/session_int.h"

uint64_t session_seed_for_code(const char *code)
{
    Buf key = {0}; /* room7 and " ROOM7" are ROOM7's session: the same seed */
    results_session_key(&key, code);
    uint64_t seed = fnv1a64(FNV1A64_INIT, buf_str(&key), key.len) % 1000000000ULL;
    buf_free(&key);
    return seed;
}

void session_set_results(Session *s, const char *dir, const char *session_code, bool anonymous)
{
    free(s->results_dir);
    free(s->session_code);
    s->results_dir = xstrdup(dir);
    s->session_code = xstrdup(session_code);
    s->anonymous = anonymous;
}

void session_set_results_file(Session *s, const char *name)
{
    free(s->results_name);
    s->results_name = xstrdup(name);
    /* what the file holds already (a server restarted on a game it wrote before): a state
     * written once is not written again */
    free(s->results_written);
    s->results_written = NULL;
    if (s->results_dir) {
        char *path = xasprintf("%s/%s", s->results_dir, name);
        size_t len;
        Err err;
        char *text = util_read_file(path, 16u << 20, &len, &err);
        if (text)
            s->results_written = results_state(text);
        free(text);
        free(path);
    }
}

/* Write text to the session's own results file (session_set_results_file), replacing it. Mid
 * story it is not synced: it is rewritten from the autosave, which is, whenever the game is
 * resumed (tools/serve/players.c), so a request does not wait for two more fsyncs; the
 * ending's is. */
static int write_named(Session *s, const char *text, char **path, Err *err)
{
    char *p = xasprintf("%s/%s", s->results_dir, s->results_name);
    int rc = util_make_dirs(s->results_dir, err);
    if (rc == 0 && game_ended(s->game))
        rc = write_file_atomic(p, text, strlen(text), err);
    else if (rc == 0)
        rc = util_write_file_replace(p, text, strlen(text), err);
    if (rc == 0) {
        results_make_readable(p);
        *path = p;
    } else {
        free(p);
    }
    return rc;
}

const char *session_results_path(const Session *s)
{
    return s->results_path;
}

int session_results_update(Session *s, Err *err)
{
    if (!s->results_dir || game_decision_count(s->game) + s->n_past == 0)
        return 0;
    const Game **games;
    SaveSource src = session_source(s, &games);
    char *text = results_text(&src, s->session_code, s->anonymous, err);
    free(games);
    if (!text) {
        s->results_failed = true;
        session_notice(s, "Your results could not be written: %s", err->msg);
        return -1;
    }
    /* the same state twice (e.g. quitting right after an ending) is written once */
    char *cmp = results_state(text);
    if (s->results_written && strcmp(s->results_written, cmp) == 0) {
        free(cmp);
        free(text);
        return 0;
    }
    char *path = NULL;
    int rc = s->results_name ? write_named(s, text, &path, err)
                             : results_write(s->results_dir, s->root->id, s->session_code,
                                             s->anonymous ? NULL : game_player(s->game), text,
                                             &path, err);
    free(text);
    if (rc == 0) {
        free(s->results_path);
        s->results_path = path;
        free(s->results_written);
        s->results_written = cmp;
        s->results_failed = false;
        /* a file rewritten after every decision is news only at the ending, and its reader
         * (a browser) is told its name, not where the server keeps it */
        if (!s->results_name)
            session_notice(s, "Your results were written to %s.", path);
        else if (game_ended(s->game) && !session_next_chapter(s))
            session_notice(s, "Your results are in the facilitator's folder, as %s.",
                           s->results_name);
        return 0;
    }
    free(cmp);
    s->results_failed = true;
    session_notice(s, "Your results could not be written: %s", err->msg);
    return -1;
}

int session_write_results(Session *s, Err *err)
{
    Err local;
    return session_results_update(s, err ? err : &local);
}

bool session_results_failed(const Session *s)
{
    return s->results_failed;
}
