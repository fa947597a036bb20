// SPDX-License-Identifier: GPL-2.0
/*
 * tcp_crr: TCP connections per second, as netperf's TCP_CRR counts them:
 * connect, send a request, read the response, close; again.
 *
 *   tcp_crr -s ADDR PORT        serve: accept, read one byte, answer one
 *                               byte, close; until killed
 *   tcp_crr -c ADDR PORT SECS   for SECS seconds after one second of
 *                               warm-up: print the connections completed
 *                               per second
 *
 * One connection at a time: the figure is the inverse of a connection's
 * latency (three round trips and the closes).  Each connection is a new
 * 5-tuple: a new flow in each direction for hnv, upcalls for OVS with
 * megaflows off, nothing to set up for a bridge.  The server closes
 * first, so the TIME_WAIT states are the server's and the client never
 * runs out of ports.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static void bad_args(void)
{
	fprintf(stderr, "usage: tcp_crr -s ADDR PORT | -c ADDR PORT SECS\n");
	exit(2);
}

static void die(const char *what)
{
	fprintf(stderr, "tcp_crr: %s: %s\n", what, strerror(errno));
	exit(1);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void serve(const struct sockaddr_in *sin)
{
	int one = 1, fd, c;
	char b;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		die("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (const struct sockaddr *)sin, sizeof(*sin)) ||
	    listen(fd, 1024))
		die("bind/listen");
	for (;;) {
		c = accept(fd, NULL, NULL);
		if (c < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			die("accept");
		}
		if (read(c, &b, 1) == 1 && write(c, &b, 1) != 1)
			fprintf(stderr, "tcp_crr: write: %s\n", strerror(errno));
		close(c);
	}
}

static int first_errno;

/* One connection: 0 when the response came back. */
static int crr(const struct sockaddr_in *sin)
{
	struct timeval tv = { .tv_sec = 2 };
	char b = 'x';
	int fd, ret = -1;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		die("socket");
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (!connect(fd, (const struct sockaddr *)sin, sizeof(*sin)) &&
	    write(fd, &b, 1) == 1 && read(fd, &b, 1) == 1)
		ret = 0;
	else if (!first_errno)
		first_errno = errno ? errno : EPROTO;
	close(fd);
	return ret;
}

static int client(const struct sockaddr_in *sin, double secs)
{
	unsigned long done = 0, failed = 0;
	double t0, t1, end;

	end = now() + 1;
	while (now() < end)
		if (crr(sin))
			failed++;
	t0 = now();
	end = t0 + secs;
	do {
		if (crr(sin))
			failed++;
		else
			done++;
	} while ((t1 = now()) < end);
	if (failed)
		fprintf(stderr, "tcp_crr: %lu connections failed, the first: %s\n",
			failed, strerror(first_errno));
	if (!done || failed > done / 100)
		return 1;
	printf("%.0f\n", done / (t1 - t0));
	return 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	char *end;
	long port;

	if (argc < 4 || inet_pton(AF_INET, argv[2], &sin.sin_addr) != 1)
		bad_args();
	port = strtol(argv[3], &end, 10);
	if (*end || port < 1 || port > 65535)
		bad_args();
	sin.sin_port = htons(port);
	if (!strcmp(argv[1], "-s") && argc == 4)
		serve(&sin);
	if (!strcmp(argv[1], "-c") && argc == 5 && atof(argv[4]) > 0)
		return client(&sin, atof(argv[4]));
	bad_args();
}
