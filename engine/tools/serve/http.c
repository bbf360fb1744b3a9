/* http.c: the server's HTTP side, on libmicrohttpd (Debian's libmicrohttpd-dev; the API as its
 * manual, "GNU libmicrohttpd", describes it): one internal thread with epoll, the caps of
 * serve.h, the body read up to SERVE_MAX_BODY, a ServeRequest per request for serve_route, and
 * the security headers on every answer. HTTP parsing is libmicrohttpd's: headers larger than
 * its per-connection memory get its own 431 answer, a malformed request line its 400. */
#include "tools/serve/serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "ui/leave.h"

/* The Content-Security-Policy of the pages: only the server's own scripts, styles and images,
 * fetches to itself, no frames, no forms elsewhere (CSP Level 3, W3C). */
static const char csp_pages[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/* A report page carries its stylesheet inline and draws charts as inline SVG. */
static const char csp_report[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

/* Connections open now (counted by on_connection, in libmicrohttpd's one thread). A connection
 * opened past SERVE_MAX_CONNECTIONS is marked (its socket context) and its requests get a 503
 * with a message; those opened before keep being answered. libmicrohttpd's own limit, a little
 * higher, closes the sockets beyond that without a word. */
static unsigned open_connections;
static char over_cap; /* the mark: its address is the socket context of such a connection */
#define HARD_CONNECTIONS (SERVE_MAX_CONNECTIONS + 64)

/* What one request has collected so far. */
typedef struct Pending {
    Buf body;
    bool too_big;
    bool answered; /* an answer was queued before the body was read: drop the rest */
} Pending;

static void add_headers(struct MHD_Response *r, const ServeResponse *out)
{
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, out->type);
    MHD_add_response_header(r, "Content-Security-Policy",
                            out->report_page ? csp_report : csp_pages);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
    MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                            out->static_body ? "no-cache" : "no-store");
    if (out->etag)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, out->etag);
    if (out->set_cookie)
        MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, out->set_cookie);
}

static enum MHD_Result send_response(struct MHD_Connection *c, ServeResponse *out)
{
    /* libmicrohttpd takes a non-const pointer but neither writes nor frees these buffers
     * (MHD_RESPMEM_PERSISTENT, MHD_RESPMEM_MUST_COPY) */
    static char empty[1];
    struct MHD_Response *r;
    if (out->static_body)
        r = MHD_create_response_from_buffer(out->static_len, (void *)(uintptr_t)out->static_body,
                                            MHD_RESPMEM_PERSISTENT);
    else
        r = MHD_create_response_from_buffer(out->body.len, out->body.s ? out->body.s : empty,
                                            MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    add_headers(r, out);
    enum MHD_Result rc = MHD_queue_response(c, (unsigned)out->status, r);
    MHD_destroy_response(r);
    return rc;
}

static enum MHD_Result refuse(struct MHD_Connection *c, int status, const char *msg)
{
    ServeResponse out = {0};
    serve_error(&out, status, "%s", msg);
    enum MHD_Result rc = send_response(c, &out);
    serve_response_free(&out);
    return rc;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **state)
{
    (void)version;
    Server *sv = cls;
    Pending *p = *state;
    if (!p) { /* the headers are in: refuse a body announced too big before reading it */
        p = xcalloc(1, sizeof *p);
        *state = p;
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        if (ci && ci->socket_context == &over_cap) {
            p->answered = true;
            return refuse(c, 503, "the server has all the connections it takes open; try again in a moment");
        }
        const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                      MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (len && strtoull(len, NULL, 10) > SERVE_MAX_BODY) {
            p->answered = true;
            return refuse(c, 413, "the request body is larger than 16 KiB");
        }
        return MHD_YES;
    }
    if (p->answered) {
        *upload_size = 0;
        return MHD_YES;
    }
    if (*upload_size > 0) {
        if (!p->too_big && p->body.len + *upload_size <= SERVE_MAX_BODY)
            buf_add(&p->body, upload_data, *upload_size);
        else
            p->too_big = true; /* the rest is read and dropped; the answer is 413 */
        *upload_size = 0;
        return MHD_YES;
    }
    if (p->too_big)
        return refuse(c, 413, "the request body is larger than 16 KiB");
    ServeRequest rq = {
        .method = method,
        .path = url,
        .body = p->body.len ? buf_str(&p->body) : NULL,
        .body_len = p->body.len,
        .cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "ladder_player"),
        .room_cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "ladder_room"),
        .authorization = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_AUTHORIZATION),
        .content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                    MHD_HTTP_HEADER_CONTENT_TYPE),
        .if_none_match = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_IF_NONE_MATCH),
    };
    ServeResponse out = {0};
    serve_route(sv, &rq, &out);
    enum MHD_Result rc = send_response(c, &out);
    serve_response_free(&out);
    return rc;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_state,
                          enum MHD_ConnectionNotificationCode what)
{
    (void)cls;
    (void)c;
    if (what == MHD_CONNECTION_NOTIFY_STARTED) {
        open_connections++;
        if (open_connections > SERVE_MAX_CONNECTIONS)
            *socket_state = &over_cap;
    } else if (open_connections > 0) {
        open_connections--;
    }
}

static void on_completed(void *cls, struct MHD_Connection *c, void **state,
                         enum MHD_RequestTerminationCode why)
{
    (void)cls;
    (void)c;
    (void)why;
    Pending *p = *state;
    if (p) {
        buf_free(&p->body);
        free(p);
        *state = NULL;
    }
}

/* libmicrohttpd's own complaints (a client that vanished, a refused connection) are not the
 * facilitator's business; kept off the terminal the room is looking at. */
static void quiet_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    (void)fmt;
    (void)ap;
}

static struct MHD_Daemon *start(Server *sv, const struct sockaddr_in *sa)
{
    return MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG, ntohs(sa->sin_port), NULL, NULL,
        on_request, sv, MHD_OPTION_SOCK_ADDR, sa, MHD_OPTION_NOTIFY_COMPLETED, on_completed,
        NULL, MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)HARD_CONNECTIONS,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_IDLE_SECONDS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_EXTERNAL_LOGGER,
        quiet_log, NULL, MHD_OPTION_END);
}

int serve_http_run(Server *sv, const char *addr, int port, int *bound,
                   void (*ready)(Server *sv, int port), Err *err)
{
    struct sockaddr_in sa = {.sin_family = AF_INET};
    if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) {
        err_set(err, "'%s' is not an IPv4 address (such as 127.0.0.1 or 0.0.0.0)", addr);
        return -1;
    }
    /* Ctrl-C and kill reach this thread through sigwait, never libmicrohttpd's */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    struct MHD_Daemon *d = NULL;
    int first = port ? port : 8080, last = port ? port : 8099;
    for (int p = first; p <= last && !d; p++) {
        sa.sin_port = htons((uint16_t)p);
        d = start(sv, &sa);
        if (d)
            *bound = p;
    }
    if (!d) {
        if (port)
            err_set(err, "cannot listen on %s:%d: %s", addr, port,
                     errno ? strerror(errno) : "the address is in use or not this machine's");
        else
            err_set(err, "cannot listen on %s: ports 8080 to 8099 are all taken (give "
                         "--listen %s:PORT)", addr, addr);
        pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
        return -1;
    }
    ready(sv, *bound);
    int sig = 0;
    sigwait(&sigs, &sig);
    MHD_stop_daemon(d); /* waits for the request in flight, closes every connection */
    pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
    fprintf(stderr, "\nladder serve: stopped on %s; every game is autosaved.\n",
            leave_signal_name(sig));
    return 0;
}
