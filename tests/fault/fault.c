/* fault.c — an LD_PRELOAD shim that makes one I/O or allocation call fail,
 * for tests/cli/fault-sweep.sh. Built as build/out/fault.so (Makefile,
 * "reliability" block). Test-only code: glibc on Linux assumed.
 *
 * Environment:
 *   ZEEF_FAULT=CLASS:N:KIND   make the Nth call (1-based) of CLASS fail
 *     CLASS  read     read(2), fread, getline, getc, fgetc
 *            write    write(2), fwrite, fputs, fputc, putc, putchar, puts,
 *                     printf, fprintf, vprintf, vfprintf
 *            fflush   fflush
 *            fclose   fclose (the stream is closed, then EOF is returned)
 *            malloc   malloc, calloc, realloc (returns NULL, errno ENOMEM)
 *            poll     poll(2)
 *     KIND   EIO, ENOSPC, ENOMEM, EPIPE: the call fails with that errno
 *            EINTR    the call fails with EINTR once; only read(2), write(2)
 *                     and poll(2) are counted, as stdio is not expected to
 *                     survive EINTR (signal handlers use SA_RESTART)
 *            short    from the Nth call on, read(2) and write(2) move at
 *                     most 3 bytes per call; only those two are counted
 *   ZEEF_FAULT_PROG=NAME      only in the process whose program is NAME
 *                             (basename); others are left alone
 *   ZEEF_FAULT_LOG=FILE       append "fired CLASS N PROG LIB" when the fault
 *                             happens (LIB: the first shared library on the
 *                             stack other than libc, or "-" for the program)
 *                             and "calls CLASS COUNT PROG" at exit, so the
 *                             sweep knows when N is past the last call; a
 *                             crash after the fault (SIGSEGV, SIGBUS,
 *                             SIGFPE, SIGABRT) appends "crashed SIG PROG
 *                             LIB", LIB the code it happened in, as above
 *
 * Calls on standard error (fd 2, stderr) are never counted or failed: the
 * message naming the failure has to get out.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum fault_class { C_NONE, C_READ, C_WRITE, C_FFLUSH, C_FCLOSE, C_MALLOC, C_POLL };
static const char *const class_names[] = {"", "read", "write", "fflush", "fclose", "malloc", "poll"};

static int armed = -1;          /* -1: environment not read yet */
static enum fault_class fclass;
static long fault_at;
static int fault_errno;
static int fault_short, fault_eintr;
static long calls;
static int fired;
static char log_path[4096];
static char prog[256];

/* Our own raw write for the log: never counted. */
static ssize_t (*real_write)(int, const void *, size_t);

/* The first library on the stack of a failing call that is not libc or
 * this shim ("-" when the call came from the program itself): a fault that
 * a library mishandles (json-c does, under failed allocations) is told
 * apart from one the program mishandles. */
static void caller_library(char *out, size_t size)
{
	void *frames[16];
	int n = backtrace(frames, 16);
	Dl_info info;

	snprintf(out, size, "-");
	for (int i = 1; i < n; i++) {
		if (!dladdr(frames[i], &info) || !info.dli_fname)
			continue;
		const char *base = strrchr(info.dli_fname, '/');
		base = base ? base + 1 : info.dli_fname;
		if (strstr(base, "fault.so") || strncmp(base, "libc.so", 7) == 0)
			continue;
		if (strncmp(base, "lib", 3) == 0 && strstr(base, ".so"))
			snprintf(out, size, "%s", base);
		return;
	}
}

static void log_line(const char *what, long n)
{
	char line[900], via[256] = "";
	int fd, len;

	if (!log_path[0] || !real_write)
		return;
	if (strcmp(what, "fired") == 0 || strcmp(what, "crashed") == 0)
		caller_library(via, sizeof via);
	if (strcmp(what, "crashed") == 0)
		len = snprintf(line, sizeof line, "crashed %ld %s %s\n", n, prog, via);
	else
		len = snprintf(line, sizeof line, "%s %s %ld %s %s\n", what, class_names[fclass], n, prog, via);
	fd = open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	real_write(fd, line, (size_t)len);
	close(fd);
}

/* After the fault: where did the program crash? The stack of the handler
 * runs through the signal frame into the code that crashed (libc's frames
 * skipped, as for a failing call), so a crash inside json-c is told apart
 * from one in Zeef's code. Test code: backtrace() in a handler is fine. */
static struct sigaction before_us[NSIG];   /* e.g. a sanitizer's handlers */

static void on_crash(int sig)
{
	if (fired)
		log_line("crashed", sig);
	/* Give the signal back to whoever had it, and return: the faulting
	 * instruction runs again (abort() raises again), and the process dies
	 * as it would have, with a sanitizer's report if one is there. */
	sigaction(sig, &before_us[sig], NULL);
}

static void report_calls(void) __attribute__((destructor));
static void report_calls(void)
{
	if (armed == 1)
		log_line("calls", calls);
}

/* Read the environment once. Allocation-free: called from malloc too. */
static void arm(void)
{
	const char *spec, *want, *logp, *self;
	char name[16];
	char *end;
	size_t i;

	armed = 0;
	real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	spec = getenv("ZEEF_FAULT");
	if (!spec || !*spec)
		return;
	for (i = 0; spec[i] && spec[i] != ':' && i < sizeof name - 1; i++)
		name[i] = spec[i];
	name[i] = '\0';
	if (spec[i] != ':')
		return;
	for (int c = C_READ; c <= C_POLL; c++)
		if (strcmp(name, class_names[c]) == 0)
			fclass = (enum fault_class)c;
	if (fclass == C_NONE)
		return;
	fault_at = strtol(spec + i + 1, &end, 10);
	if (*end != ':' || fault_at < 1)
		return;
	end++;
	if (strcmp(end, "EIO") == 0) fault_errno = EIO;
	else if (strcmp(end, "ENOSPC") == 0) fault_errno = ENOSPC;
	else if (strcmp(end, "ENOMEM") == 0) fault_errno = ENOMEM;
	else if (strcmp(end, "EPIPE") == 0) fault_errno = EPIPE;
	else if (strcmp(end, "EINTR") == 0) { fault_errno = EINTR; fault_eintr = 1; }
	else if (strcmp(end, "short") == 0) fault_short = 1;
	else return;

	self = program_invocation_short_name;
	snprintf(prog, sizeof prog, "%s", self ? self : "?");
	want = getenv("ZEEF_FAULT_PROG");
	if (want && *want && strcmp(want, prog) != 0)
		return;
	logp = getenv("ZEEF_FAULT_LOG");
	if (logp)
		snprintf(log_path, sizeof log_path, "%s", logp);
	armed = 1;
}

/* Calls made before this constructor (the loader's, a sanitizer runtime's
 * start-up, which may run before libc has its environment) are not counted:
 * arm afresh here. */
static void arm_at_start(void) __attribute__((constructor));
static void arm_at_start(void)
{
	armed = -1;
	calls = 0;
	arm();
	if (armed == 1 && log_path[0]) {
		static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGABRT };
		struct sigaction sa = { .sa_handler = on_crash };
		sigemptyset(&sa.sa_mask);
		for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
			sigaction(sigs[i], &sa, &before_us[sigs[i]]);
	}
}

/* Count a call of class C; 1 when this call must fail (errno is set).
 * RAW: the call is read(2)/write(2)/poll(2) itself, not a stdio wrapper. */
static int hit(enum fault_class c, int raw)
{
	if (armed < 0)
		arm();
	if (armed != 1 || c != fclass)
		return 0;
	if ((fault_eintr || fault_short) && !raw)
		return 0;
	calls++;
	if (fault_short) {
		if (calls == fault_at && !fired) {
			fired = 1;
			log_line("fired", calls);
		}
		return calls >= fault_at;
	}
	if (calls != fault_at)
		return 0;
	if (!fired) {
		fired = 1;
		log_line("fired", calls);
	}
	errno = fault_errno;
	return 1;
}

#define REAL(ret, name, args) \
	static ret (*real_##name) args; \
	if (!real_##name) real_##name = (ret (*) args)dlsym(RTLD_NEXT, #name)

/* Mark a stream as failed, as a failed write(2) underneath it would. */
static void set_stream_error(FILE *f)
{
	f->_flags |= 0x20;   /* _IO_ERR_SEEN */
}

static int is_err_stream(FILE *f)
{
	return f == stderr || (f && fileno(f) == 2);
}

/* --- read ------------------------------------------------------------- */

ssize_t read(int fd, void *buf, size_t n)
{
	REAL(ssize_t, read, (int, void *, size_t));
	if (hit(C_READ, 1)) {
		if (!fault_short)
			return -1;
		if (n > 3)
			n = 3;
	}
	return real_read(fd, buf, n);
}

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
	REAL(size_t, fread, (void *, size_t, size_t, FILE *));
	if (hit(C_READ, 0)) {
		set_stream_error(f);
		return 0;
	}
	return real_fread(p, size, n, f);
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	REAL(ssize_t, getline, (char **, size_t *, FILE *));
	if (hit(C_READ, 0)) {
		set_stream_error(f);
		return -1;
	}
	return real_getline(line, cap, f);
}

int fgetc(FILE *f)
{
	REAL(int, fgetc, (FILE *));
	if (hit(C_READ, 0)) {
		set_stream_error(f);
		return EOF;
	}
	return real_fgetc(f);
}

int getc(FILE *f)
{
	REAL(int, getc, (FILE *));
	if (hit(C_READ, 0)) {
		set_stream_error(f);
		return EOF;
	}
	return real_getc(f);
}

/* --- write ------------------------------------------------------------ */

ssize_t write(int fd, const void *buf, size_t n)
{
	if (armed < 0)
		arm();
	if (fd != 2 && hit(C_WRITE, 1)) {
		if (!fault_short)
			return -1;
		if (n > 3)
			n = 3;
	}
	return real_write(fd, buf, n);
}

/* A stdio write on F: 1 when it must fail (the stream is marked). */
static int stdio_write_fails(FILE *f)
{
	if (is_err_stream(f) || !hit(C_WRITE, 0))
		return 0;
	set_stream_error(f);
	return 1;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	REAL(size_t, fwrite, (const void *, size_t, size_t, FILE *));
	if (stdio_write_fails(f))
		return 0;
	return real_fwrite(p, size, n, f);
}

int fputs(const char *s, FILE *f)
{
	REAL(int, fputs, (const char *, FILE *));
	if (stdio_write_fails(f))
		return EOF;
	return real_fputs(s, f);
}

int puts(const char *s)
{
	REAL(int, puts, (const char *));
	if (stdio_write_fails(stdout))
		return EOF;
	return real_puts(s);
}

int fputc(int c, FILE *f)
{
	REAL(int, fputc, (int, FILE *));
	if (stdio_write_fails(f))
		return EOF;
	return real_fputc(c, f);
}

int putc(int c, FILE *f)
{
	REAL(int, putc, (int, FILE *));
	if (stdio_write_fails(f))
		return EOF;
	return real_putc(c, f);
}

int putchar(int c)
{
	REAL(int, putchar, (int));
	if (stdio_write_fails(stdout))
		return EOF;
	return real_putchar(c);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	REAL(int, vfprintf, (FILE *, const char *, va_list));
	if (stdio_write_fails(f))
		return -1;
	return real_vfprintf(f, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

/* --- fflush, fclose ----------------------------------------------------- */

int fflush(FILE *f)
{
	REAL(int, fflush, (FILE *));
	if (f && !is_err_stream(f) && hit(C_FFLUSH, 0)) {
		set_stream_error(f);
		return EOF;
	}
	return real_fflush(f);
}

int fclose(FILE *f)
{
	REAL(int, fclose, (FILE *));
	if (f && !is_err_stream(f) && hit(C_FCLOSE, 0)) {
		int e = errno;
		real_fclose(f);
		errno = e;
		return EOF;
	}
	return real_fclose(f);
}

/* --- poll ----------------------------------------------------------------- */

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	REAL(int, poll, (struct pollfd *, nfds_t, int));
	if (hit(C_POLL, 1))
		return -1;
	return real_poll(fds, n, timeout);
}

/* --- malloc ---------------------------------------------------------------
 * dlsym() may allocate before the real functions are known: those early
 * blocks come from a small static arena and are never freed. */

static _Alignas(16) char arena[1 << 16];
static size_t arena_used;
static int resolving;
static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);

static int in_arena(const void *p)
{
	return (const char *)p >= arena && (const char *)p < arena + sizeof arena;
}

static void *arena_alloc(size_t n)
{
	size_t at = (arena_used + 15) & ~(size_t)15;
	if (at + n > sizeof arena)
		return NULL;
	arena_used = at + n;
	return memset(arena + at, 0, n);
}

static int resolve(void)
{
	if (real_malloc)
		return 1;
	if (resolving)
		return 0;
	resolving = 1;
	real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
	real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	resolving = 0;
	return real_malloc != NULL;
}

void *malloc(size_t n)
{
	if (!resolve())
		return arena_alloc(n);
	if (hit(C_MALLOC, 0))
		return NULL;
	return real_malloc(n);
}

void *calloc(size_t a, size_t b)
{
	if (!resolve())
		return b && a > (size_t)-1 / b ? NULL : arena_alloc(a * b);
	if (hit(C_MALLOC, 0))
		return NULL;
	return real_calloc(a, b);
}

void *realloc(void *p, size_t n)
{
	if (!resolve())
		return NULL;
	if (in_arena(p)) {
		void *q = malloc(n);
		if (q)
			memcpy(q, p, n < (size_t)(arena + sizeof arena - (char *)p) ? n : (size_t)(arena + sizeof arena - (char *)p));
		return q;
	}
	if (hit(C_MALLOC, 0))
		return NULL;
	return real_realloc(p, n);
}

void free(void *p)
{
	if (!p || in_arena(p))
		return;
	if (resolve())
		real_free(p);
}
