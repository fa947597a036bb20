// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * pkt_fuzz: the frame generator of selftests/pkt_fuzz.sh (the parts:
 * fuzz.h).  "vm" mode sends what a VM could send on its interface,
 * "underlay" mode what could arrive at a host from the physical network;
 * both count what they sent and what the kernel must make of it, and
 * print "key=value" lines.  Seeded: a seed always makes the same frames
 * (--hexdump prints them without sending).
 *
 * usage: pkt_fuzz vm|underlay -i IFNAME [options], see usage().
 */
#include "fuzz.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef PACKET_QDISC_BYPASS
#define PACKET_QDISC_BYPASS 20
#endif
#ifndef PACKET_IGNORE_OUTGOING
#define PACKET_IGNORE_OUTGOING 23
#endif

static int parse_mac(const char *s, uint8_t *m)
{
	unsigned int b[6];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
		   &b[5]) != 6)
		return -1;
	for (i = 0; i < 6; i++)
		m[i] = (uint8_t)b[i];
	return 0;
}

static void die(const char *what, const char *arg)
{
	fprintf(stderr, "pkt_fuzz: bad %s: %s\n", what, arg);
	exit(2);
}

/*
 * --shared FILE: generators running at once count what they sent in FILE
 * and stop together once -n frames went out in all.
 */
static void open_shared(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT, 0600);

	if (fd < 0 || ftruncate(fd, sizeof(*shared_sent)))
		die("file", path);
	shared_sent = mmap(NULL, sizeof(*shared_sent), PROT_READ | PROT_WRITE,
			   MAP_SHARED, fd, 0);
	if (shared_sent == MAP_FAILED)
		die("file", path);
	close(fd);
}

static void usage(void)
{
	fprintf(stderr,
"usage: pkt_fuzz vm|underlay -i IFNAME [-n FRAMES] [-s SEED] [options]\n"
"  vm:       --own-mac M --own4 A --own6 A  the VM's MAC and addresses\n"
"            --mac M --ip4 A --ip6 A        destinations of interest (repeat)\n"
"            --router-mac M\n"
"  underlay: --dst-mac M --src-mac M        the host's NIC, the sender's\n"
"            --pa A                         the host's provider address\n"
"            --src A                        outer sources (repeat)\n"
"            --vni N                        the host's VSIDs (repeat)\n"
"            --avoid N                      VSIDs never to send to (repeat)\n"
"            --inner-mac M, --inner-src-mac M, --ip4, --ip6, --router-mac\n"
"  --max-ms MS         stop sending after MS milliseconds (out_of_time=1)\n"
"  --shared FILE       -n frames counted over all generators given FILE\n"
"  --send HEX          send this frame -n times (a reproducer), nothing else\n"
"  --hexdump FROM:TO   print frames FROM..TO (numbered from 0), send nothing\n"
"                      (the counts are then of -n frames as if all were sent)\n");
	exit(2);
}

static int open_tx(const char *ifname)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	int fd, one = 1;

	fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (fd < 0) {
		perror("pkt_fuzz: socket");
		exit(1);
	}
	sll.sll_ifindex = (int)if_nametoindex(ifname);
	if (!sll.sll_ifindex)
		die("interface", ifname);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		perror("pkt_fuzz: bind");
		exit(1);
	}
	if (setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof(one)))
		perror("pkt_fuzz: PACKET_QDISC_BYPASS");
	return fd;
}

static int open_rx(const char *ifname)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
	};
	int fd, one = 1, sz = 64 << 20;

	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	if (fd < 0) {
		perror("pkt_fuzz: socket");
		exit(1);
	}
	sll.sll_ifindex = (int)if_nametoindex(ifname);
	if (setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one,
		       sizeof(one)))
		perror("pkt_fuzz: PACKET_IGNORE_OUTGOING");
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		perror("pkt_fuzz: bind");
		exit(1);
	}
	return fd;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "iface", required_argument, NULL, 'i' },
		{ "frames", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "own-mac", required_argument, NULL, 1 },
		{ "own4", required_argument, NULL, 2 },
		{ "own6", required_argument, NULL, 3 },
		{ "mac", required_argument, NULL, 4 },
		{ "ip4", required_argument, NULL, 5 },
		{ "ip6", required_argument, NULL, 6 },
		{ "router-mac", required_argument, NULL, 7 },
		{ "dst-mac", required_argument, NULL, 8 },
		{ "src-mac", required_argument, NULL, 9 },
		{ "pa", required_argument, NULL, 10 },
		{ "src", required_argument, NULL, 11 },
		{ "vni", required_argument, NULL, 12 },
		{ "avoid", required_argument, NULL, 13 },
		{ "inner-mac", required_argument, NULL, 14 },
		{ "inner-src-mac", required_argument, NULL, 15 },
		{ "hexdump", required_argument, NULL, 17 },
		{ "max-ms", required_argument, NULL, 18 },
		{ "send", required_argument, NULL, 19 },
		{ "shared", required_argument, NULL, 21 },
		{ NULL, 0, NULL, 0 }
	};
	const char *ifname = NULL;
	const char *send_hex = NULL;	/* --send: this frame, -n times */
	uint64_t target = 100000, max_ms = 0;
	bool out_of_time = false;
	uint64_t seed = 0;
	bool have_seed = false;
	struct tpacket_stats st = { 0 };
	socklen_t sl = sizeof(st);
	double t0, t1;
	int c, i;

	if (argc < 2)
		usage();
	if (!strcmp(argv[1], "vm"))
		vm_mode = true;
	else if (strcmp(argv[1], "underlay"))
		usage();
	optind = 2;
	memcpy(vmp.router, "\x02\x48\x4e\x56\x00\x01", 6);
	while ((c = getopt_long(argc, argv, "i:n:s:", opts, NULL)) != -1) {
		switch (c) {
		case 'i':
			ifname = optarg;
			break;
		case 'n':
			target = strtoull(optarg, NULL, 0);
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			have_seed = true;
			break;
		case 1:
			if (parse_mac(optarg, vmp.own_mac))
				die("MAC", optarg);
			vmp.has_own_mac = true;
			break;
		case 2:
			if (vmp.nown4 == MAXP ||
			    inet_pton(AF_INET, optarg, vmp.own4[vmp.nown4++]) != 1)
				die("address", optarg);
			break;
		case 3:
			if (vmp.nown6 == MAXP ||
			    inet_pton(AF_INET6, optarg, vmp.own6[vmp.nown6++]) != 1)
				die("address", optarg);
			break;
		case 4:
		case 14:
			if (vmp.nmacs == MAXP ||
			    parse_mac(optarg, vmp.macs[vmp.nmacs++]))
				die("MAC", optarg);
			break;
		case 5:
			if (vmp.nip4 == MAXP ||
			    inet_pton(AF_INET, optarg, vmp.ip4[vmp.nip4++]) != 1)
				die("address", optarg);
			break;
		case 6:
			if (vmp.nip6 == MAXP ||
			    inet_pton(AF_INET6, optarg, vmp.ip6[vmp.nip6++]) != 1)
				die("address", optarg);
			break;
		case 7:
			if (parse_mac(optarg, vmp.router))
				die("MAC", optarg);
			break;
		case 8:
			if (parse_mac(optarg, u_dmac))
				die("MAC", optarg);
			break;
		case 9:
			if (parse_mac(optarg, u_smac))
				die("MAC", optarg);
			break;
		case 10:
			if (inet_pton(AF_INET, optarg, u_pa) != 1)
				die("address", optarg);
			break;
		case 11:
			if (u_nsrc == MAXP ||
			    inet_pton(AF_INET, optarg, u_src[u_nsrc++]) != 1)
				die("address", optarg);
			break;
		case 12:
			if (u_nvnis == MAXP)
				die("VNI", optarg);
			u_vnis[u_nvnis++] = (uint32_t)strtoul(optarg, NULL, 0);
			break;
		case 13:
			if (u_navoid == MAXP)
				die("VNI", optarg);
			u_avoid[u_navoid++] = (uint32_t)strtoul(optarg, NULL, 0);
			break;
		case 15:
			if (vmp.nsrcmacs == MAXP ||
			    parse_mac(optarg, vmp.srcmacs[vmp.nsrcmacs++]))
				die("MAC", optarg);
			break;
		case 17:
			if (sscanf(optarg, "%" SCNu64 ":%" SCNu64, &dump_from,
				   &dump_to) != 2)
				die("range", optarg);
			dry = true;
			break;
		case 18:
			max_ms = strtoull(optarg, NULL, 0);
			break;
		case 19:
			send_hex = optarg;
			break;
		case 21:
			open_shared(optarg);
			break;
		default:
			usage();
		}
	}
	if (!have_seed) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
		       (uint64_t)getpid();
	}
	rnd_seed(seed);
	printf("seed=%" PRIu64 "\n", seed);
	fflush(stdout);
	if (dry) {
		if (target < dump_to + 1)
			target = dump_to + 1;
	} else {
		if (!ifname)
			usage();
		tx_fd = open_tx(ifname);
		if (vm_mode)
			rx_fd = open_rx(ifname);
	}

	if (send_hex) {
		/* a given frame, -n times */
		int n = 0;
		uint64_t i;

		while (n < FRAME_MAX && sscanf(send_hex + 2 * n, "%2hhx",
					       &bufs[0][n]) == 1)
			n++;
		if (n < 14 || send_hex[2 * n])
			die("frame", send_hex);
		for (i = 0; i < target; i++)
			if (send(tx_fd, bufs[0], (size_t)n, 0) == n)
				n_sent++;
			else
				n_fail++;
		printf("sent=%" PRIu64 "\nfailed=%" PRIu64 "\n", n_sent, n_fail);
		return n_fail ? 1 : 0;
	}
	t0 = now();
	/* -n frames sent (at most twice as many tried); all, when dry */
	while (dry ? frame_no < target :
		     (shared_sent ? __atomic_load_n(shared_sent, __ATOMIC_RELAXED) :
				    n_sent) + (uint64_t)nslots < target &&
		     frame_no < 2 * target) {
		if (max_ms && !(frame_no & 1023) &&
		    (now() - t0) * 1000 > (double)max_ms) {
			out_of_time = true;
			break;
		}
		if (vm_mode)
			vm_one();
		else
			u_one();
	}
	flush_batch();
	t1 = now();

	if (rx_fd >= 0) {
		/* What the switch still sends back: until 1 s of quiet. */
		struct pollfd pfd = { .fd = rx_fd, .events = POLLIN };

		while (poll(&pfd, 1, 1000) > 0)
			drain_rx();
		if (getsockopt(rx_fd, SOL_PACKET, PACKET_STATISTICS, &st, &sl))
			perror("pkt_fuzz: PACKET_STATISTICS");
	}

	printf("mode=%s\n", vm_mode ? "vm" : "underlay");
	printf("frames=%" PRIu64 "\n", frame_no);
	printf("sent=%" PRIu64 "\n", n_sent);
	printf("failed=%" PRIu64 "\n", n_fail);
	printf("enobufs=%" PRIu64 "\n", n_enobufs);
	printf("elapsed_ms=%.0f\n", (t1 - t0) * 1000);
	printf("out_of_time=%d\n", out_of_time);
	printf("rate=%.0f\n", t1 > t0 ? (double)n_sent / (t1 - t0) : 0.0);
	for (i = 0; i < (vm_mode ? VK_MAX : UK_MAX); i++) {
		const char *kn = vm_mode ? vm_kind_name[i] : u_kind_name[i];

		printf("kind.%s=%" PRIu64 "\n", kn, kind_sent[i]);
		printf("kind.%s.mutated=%" PRIu64 "\n", kn, kind_mut[i]);
		if (kind_fail[i])
			printf("kind.%s.failed=%" PRIu64 "\n", kn, kind_fail[i]);
	}
	if (vm_mode) {
		printf("vm.reach=%" PRIu64 "\n", vm_reach);
		printf("vm.pre_drop=%" PRIu64 "\n", vm_pre_drop);
		printf("vm.foreign=%" PRIu64 "\n", vm_foreign);
		printf("vm.foreign_nonip=%" PRIu64 "\n", vm_foreign_nonip);
		printf("vm.must_malformed=%" PRIu64 "\n", vm_must_malformed);
		printf("back.err=%" PRIu64 "\n", back_err);
		printf("back.other=%" PRIu64 "\n", back_other);
		printf("back.drops=%u\n", st.tp_drops);
	} else {
		for (i = 0; i < C_FRAG; i++)	/* a train's is its datagram's */
			printf("pred.%s=%" PRIu64 "\n", ucls_name[i], ucount[i]);
		for (i = 0; i < u_nvnis; i++)
			printf("pred.decap.%u=%" PRIu64 "\n", u_vnis[i],
			       udecap_vni[i]);
		for (i = 0; i < W_MAX; i++)
			printf("pred.unknown.%s=%" PRIu64 "\n", why_name[i],
			       why_count[i]);
		printf("trains=%" PRIu64 "\n", u_trains);
		printf("train_frags=%" PRIu64 "\n", u_train_frags);
	}
	return 0;
}
