// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Printing the model, for people or as JSON.
 *
 *   switch hnv0 ifindex 7 ports 2
 *       flows 12 (max 262144, per port 16384, idle 30000ms)
 *       pa 192.168.1.10 192.168.1.11 vxlan-port 4789 maps 2 strict off
 *           nvgre-flowid on
 *       RX: packets  bytes
 *                12   1234
 *       TX: packets  bytes
 *                10   1000
 *       flows: new 15 aged 3 uncached 0 recomposed 1
 *       drops: 4
 *           port-unbound 3
 *           switch-xmit  1
 *
 * (the "flows" line of a switch only if the kernel reports its flow
 * tables, the "pa" line only if it reports its provider addresses, VXLAN
 * port and mappings, on one line; "pa none" if it has no PA; "strict" and
 * "nvgre-flowid" only if it reports them).  JSON: [{"ifname":"hnv0",
 * "ifindex":7,"ports":2,"flows":12,"uft_max":262144,"uft_port_max":16384,
 * "uft_idle_ms":30000,"pas":["192.168.1.10","192.168.1.11"],
 * "vxlan_port":4789,"maps":2,"strict":false,"nvgre_flowid":true,"stats":{
 * "rx_packets":12,"rx_bytes":1234,"tx_packets":10,"tx_bytes":1000,
 * "flows_new":15,"flows_aged":3,"flows_uncached":0,"flows_recomposed":1,
 * "drops":{"port-unbound":3,"switch-xmit":1,...}}}].  Every known drop
 * reason is a key, zero or not; a reason this hnvctl does not know appears
 * as "reason-N" when not zero.
 *
 * Subnets and flows take one line each, without empty lines between them:
 *
 *   subnet 5001 rdid 1 encap vxlan switch hnv0
 *   hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv4 10.0.0.1 >
 *       10.0.0.2 icmp packets 3 bytes 294 idle 120ms actions output v2
 *   hnv0 uplink vsid 5001 from 192.168.2.20: 02:00:00:00:00:02 >
 *       02:00:00:00:00:01 ipv4 10.0.0.2 > 10.0.0.1 icmp packets 3
 *       bytes 294 idle 120ms actions output v1
 *   map vsid 5001 mac 02:00:00:00:00:02 ca 10.1.1.12 pa 192.168.2.20
 *       switch hnv0
 *
 * (the flows and the mapping on one line each; the second flow came from
 * the physical network: its VSID and outer source stand for its port).
 * An encap action is "encap vxlan vni 5001 192.168.1.10 > 192.168.2.20",
 * in JSON {"encap":{"type":"vxlan","vni":5001,"src":"192.168.1.10",
 * "dst":"192.168.2.20"}}.  In JSON, a flow of the uplink has "port":
 * "uplink", "vsid" and "tun_src" (its outer source).
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>

#include <linux/hnv.h>

#include "names.h"
#include "output.h"

void out_begin(struct out *o, FILE *fp, bool json, bool pretty)
{
	o->fp = fp;
	o->json = json;
	o->count = 0;
	o->ifname = if_indextoname;
	if (json) {
		json_init(&o->j, fp, pretty);
		json_array_begin(&o->j, NULL);
	}
}

void out_end(struct out *o)
{
	if (o->json)
		json_array_end(&o->j);
}

/* Starts the block of the next object. */
static void next_object(struct out *o)
{
	if (o->json)
		json_object_begin(&o->j, NULL);
	else if (o->count)
		fputc('\n', o->fp);
	o->count++;
}

/* Starts the line of the next object. */
static void next_line(struct out *o)
{
	if (o->json)
		json_object_begin(&o->j, NULL);
	o->count++;
}

static int u64_width(uint64_t v)
{
	return snprintf(NULL, 0, "%" PRIu64, v);
}

static int max_width(int a, int b)
{
	return a > b ? a : b;
}

/* RX and TX in two aligned tables, the flow counters, the drops by reason. */
static void print_stats(FILE *fp, const struct hnv_stats *st)
{
	int wp = max_width(strlen("packets"),
			   max_width(u64_width(st->rx_packets),
				     u64_width(st->tx_packets)));
	int wb = max_width(strlen("bytes"),
			   max_width(u64_width(st->rx_bytes),
				     u64_width(st->tx_bytes)));
	char buf[DROP_REASON_NAMSIZ];
	int wn = 0, wv = 0;
	unsigned int r;

	fprintf(fp, "    RX: %*s %*s\n", wp, "packets", wb, "bytes");
	fprintf(fp, "        %*" PRIu64 " %*" PRIu64 "\n",
		wp, st->rx_packets, wb, st->rx_bytes);
	fprintf(fp, "    TX: %*s %*s\n", wp, "packets", wb, "bytes");
	fprintf(fp, "        %*" PRIu64 " %*" PRIu64 "\n",
		wp, st->tx_packets, wb, st->tx_bytes);
	fprintf(fp, "    flows: new %" PRIu64 " aged %" PRIu64 " uncached %"
		PRIu64 " recomposed %" PRIu64 "\n", st->flows_new,
		st->flows_aged, st->flows_uncached, st->flows_recomposed);
	fprintf(fp, "    drops: %" PRIu64 "\n", hnv_stats_drops(st));
	for (r = 0; r < HNV_DROP_REASONS; r++) {
		if (!st->drops[r])
			continue;
		wn = max_width(wn, strlen(drop_reason_name(r, buf,
							   sizeof(buf))));
		wv = max_width(wv, u64_width(st->drops[r]));
	}
	for (r = 0; r < HNV_DROP_REASONS; r++)
		if (st->drops[r])
			fprintf(fp, "        %-*s %*" PRIu64 "\n", wn,
				drop_reason_name(r, buf, sizeof(buf)),
				wv, st->drops[r]);
}

static void json_stats(struct json *j, const struct hnv_stats *st)
{
	char buf[DROP_REASON_NAMSIZ];
	unsigned int r;

	json_object_begin(j, "stats");
	json_u64(j, "rx_packets", st->rx_packets);
	json_u64(j, "rx_bytes", st->rx_bytes);
	json_u64(j, "tx_packets", st->tx_packets);
	json_u64(j, "tx_bytes", st->tx_bytes);
	json_u64(j, "flows_new", st->flows_new);
	json_u64(j, "flows_aged", st->flows_aged);
	json_u64(j, "flows_uncached", st->flows_uncached);
	json_u64(j, "flows_recomposed", st->flows_recomposed);
	json_object_begin(j, "drops");
	for (r = 0; r < HNV_DROP_REASONS; r++)
		if (drop_reason_known(r) || st->drops[r])
			json_u64(j, drop_reason_name(r, buf, sizeof(buf)),
				 st->drops[r]);
	json_object_end(j);
	json_object_end(j);
}

static const char *in4_name(const uint8_t addr[4], char buf[INET_ADDRSTRLEN])
{
	return inet_ntop(AF_INET, addr, buf, INET_ADDRSTRLEN);
}

/*
 * "pa 192.168.1.10 192.168.1.11 vxlan-port 4789 maps 2 strict off
 * nvgre-flowid on", without "strict" or "nvgre-flowid" if the kernel did not
 * report it.
 */
static void print_overlay(FILE *fp, const struct hnv_switch *sw)
{
	char buf[INET_ADDRSTRLEN];
	unsigned int i;

	fputs("    pa", fp);
	if (!sw->pas.n)
		fputs(" none", fp);
	for (i = 0; i < sw->pas.n; i++)
		fprintf(fp, " %s", in4_name(sw->pas.addr[i], buf));
	fprintf(fp, " vxlan-port %" PRIu16 " maps %" PRIu32, sw->vxlan_port,
		sw->nmaps);
	if (sw->has_strict)
		fprintf(fp, " strict %s", sw->strict ? "on" : "off");
	if (sw->has_nvgre_flowid)
		fprintf(fp, " nvgre-flowid %s",
			sw->nvgre_flowid ? "on" : "off");
	fputc('\n', fp);
}

static void json_overlay(struct json *j, const struct hnv_switch *sw)
{
	char buf[INET_ADDRSTRLEN];
	unsigned int i;

	json_array_begin(j, "pas");
	for (i = 0; i < sw->pas.n; i++)
		json_string(j, NULL, in4_name(sw->pas.addr[i], buf));
	json_array_end(j);
	json_u64(j, "vxlan_port", sw->vxlan_port);
	json_u64(j, "maps", sw->nmaps);
	if (sw->has_strict)
		json_bool(j, "strict", sw->strict);
	if (sw->has_nvgre_flowid)
		json_bool(j, "nvgre_flowid", sw->nvgre_flowid);
}

void out_switch(struct out *o, const struct hnv_switch *sw)
{
	next_object(o);
	if (o->json) {
		json_string(&o->j, "ifname", sw->ifname);
		json_u64(&o->j, "ifindex", sw->ifindex);
		json_u64(&o->j, "ports", sw->nports);
		if (sw->has_uft) {
			json_u64(&o->j, "flows", sw->nflows);
			json_u64(&o->j, "uft_max", sw->uft.max);
			json_u64(&o->j, "uft_port_max", sw->uft.port_max);
			json_u64(&o->j, "uft_idle_ms", sw->uft.idle_ms);
		}
		if (sw->has_overlay)
			json_overlay(&o->j, sw);
		json_stats(&o->j, &sw->stats);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "switch %s ifindex %" PRIu32 " ports %" PRIu32 "\n",
		sw->ifname, sw->ifindex, sw->nports);
	if (sw->has_uft)
		fprintf(o->fp, "    flows %" PRIu32 " (max %" PRIu32
			", per port %" PRIu32 ", idle %" PRIu32 "ms)\n",
			sw->nflows, sw->uft.max, sw->uft.port_max,
			sw->uft.idle_ms);
	if (sw->has_overlay)
		print_overlay(o->fp, sw);
	print_stats(o->fp, &sw->stats);
}

void out_port(struct out *o, const struct hnv_port *port,
	      const char *switch_name)
{
	char mac[MAC_NAMSIZ];

	next_object(o);
	if (o->json) {
		json_string(&o->j, "ifname", port->ifname);
		json_u64(&o->j, "ifindex", port->ifindex);
		json_string(&o->j, "switch", switch_name);
		json_u64(&o->j, "vsid", port->vsid);
		if (port->vsid && port->has_mac)
			json_string(&o->j, "mac", mac_name(port->mac, mac));
		json_stats(&o->j, &port->stats);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "port %s ifindex %" PRIu32 " switch %s",
		port->ifname, port->ifindex, switch_name);
	if (!port->vsid)
		fputs(" unbound", o->fp);
	else if (port->has_mac)
		fprintf(o->fp, " vsid %" PRIu32 " mac %s", port->vsid,
			mac_name(port->mac, mac));
	else
		fprintf(o->fp, " vsid %" PRIu32, port->vsid);
	fputc('\n', o->fp);
	print_stats(o->fp, &port->stats);
}

/* Counters only, of a switch or a port (kind "switch" or "port"). */
void out_counters(struct out *o, const char *kind, const char *ifname,
		  const struct hnv_stats *st)
{
	next_object(o);
	if (o->json) {
		json_string(&o->j, "ifname", ifname);
		json_string(&o->j, "kind", kind);
		json_stats(&o->j, st);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "%s %s\n", kind, ifname);
	print_stats(o->fp, st);
}

void out_subnet(struct out *o, const struct hnv_subnet *subnet)
{
	char buf[ENCAP_NAMSIZ];
	const char *encap = encap_name(subnet->encap, buf, sizeof(buf));

	next_line(o);
	if (o->json) {
		json_u64(&o->j, "vsid", subnet->vsid);
		json_u64(&o->j, "rdid", subnet->rdid);
		json_string(&o->j, "encap", encap);
		json_string(&o->j, "switch", subnet->switch_ifname);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "subnet %" PRIu32 " rdid %" PRIu32 " encap %s switch %s\n",
		subnet->vsid, subnet->rdid, encap, subnet->switch_ifname);
}

/* The name of a device of a flow, "ifN" if it has none. */
static const char *flow_dev(struct out *o, uint32_t ifindex,
			    char buf[IFNAMSIZ])
{
	if (ifindex && o->ifname(ifindex, buf))
		return buf;
	snprintf(buf, IFNAMSIZ, "if%" PRIu32, ifindex);
	return buf;
}

static const char *ip_name(const uint8_t *addr, uint8_t len,
			   char buf[INET6_ADDRSTRLEN])
{
	return inet_ntop(len == 4 ? AF_INET : AF_INET6, addr, buf,
			 INET6_ADDRSTRLEN);
}

/* "10.0.0.1", "10.0.0.1:80", "2001:db8::1", "[2001:db8::1]:80" */
static void print_endpoint(FILE *fp, const uint8_t *addr, uint8_t len,
			   bool ports, uint16_t port)
{
	char buf[INET6_ADDRSTRLEN];

	ip_name(addr, len, buf);
	if (!ports)
		fputs(buf, fp);
	else if (len == 4)
		fprintf(fp, "%s:%" PRIu16, buf, port);
	else
		fprintf(fp, "[%s]:%" PRIu16, buf, port);
}

/* "encap vxlan vni 5001 192.168.1.10 > 192.168.2.20" */
static void print_encap(FILE *fp, const struct hnv_encap_action *e)
{
	char type[ENCAP_NAMSIZ], src[INET_ADDRSTRLEN], dst[INET_ADDRSTRLEN];

	fprintf(fp, "encap %s vni %" PRIu32 " %s > %s",
		encap_name(e->type, type, sizeof(type)), e->vni,
		in4_name(e->src, src), in4_name(e->dst, dst));
}

static void json_encap(struct json *j, const struct hnv_encap_action *e)
{
	char buf[INET_ADDRSTRLEN], type[ENCAP_NAMSIZ];

	json_object_begin(j, "encap");
	json_string(j, "type", encap_name(e->type, type, sizeof(type)));
	json_u64(j, "vni", e->vni);
	json_string(j, "src", in4_name(e->src, buf));
	json_string(j, "dst", in4_name(e->dst, buf));
	json_object_end(j);
}

static void print_actions(struct out *o, const struct hnv_flow *flow)
{
	char name[IFNAMSIZ], buf[DROP_REASON_NAMSIZ];
	const struct hnv_action *a;
	size_t i;

	fputs(" actions ", o->fp);
	if (!flow->nactions)
		fputs("none", o->fp);
	for (i = 0; i < flow->nactions; i++) {
		a = &flow->actions[i];
		if (i)
			fputs(", ", o->fp);
		if (a->type == HNV_ACTION_A_ENCAP)
			print_encap(o->fp, &a->encap);
		else if (a->type == HNV_ACTION_A_DROP)
			fprintf(o->fp, "drop %s",
				drop_reason_name(a->arg, buf, sizeof(buf)));
		else if (o->ifname(a->arg, name))
			fprintf(o->fp, "output %s", name);
		else
			fprintf(o->fp, "output ifindex %" PRIu32, a->arg);
	}
}

static void json_actions(struct out *o, const struct hnv_flow *flow)
{
	char name[IFNAMSIZ], buf[DROP_REASON_NAMSIZ];
	const struct hnv_action *a;
	size_t i;

	json_array_begin(&o->j, "actions");
	for (i = 0; i < flow->nactions; i++) {
		a = &flow->actions[i];
		json_object_begin(&o->j, NULL);
		if (a->type == HNV_ACTION_A_ENCAP)
			json_encap(&o->j, &a->encap);
		else if (a->type == HNV_ACTION_A_DROP)
			json_string(&o->j, "drop",
				    drop_reason_name(a->arg, buf, sizeof(buf)));
		else if (o->ifname(a->arg, name))
			json_string(&o->j, "output", name);
		else
			json_u64(&o->j, "output_ifindex", a->arg);
		json_object_end(&o->j);
	}
	json_array_end(&o->j);
}

static void json_flow(struct out *o, const struct hnv_flow *flow)
{
	char sw[IFNAMSIZ], port[IFNAMSIZ], mac[MAC_NAMSIZ];
	char ip[INET6_ADDRSTRLEN];

	json_string(&o->j, "switch", flow_dev(o, flow->switch_ifindex, sw));
	if (flow->has & HNV_FLOW_UPLINK) {
		json_string(&o->j, "port", "uplink");
		json_u64(&o->j, "vsid", flow->vsid);
		json_string(&o->j, "tun_src", in4_name(flow->tun_src, ip));
	} else {
		json_string(&o->j, "port", flow_dev(o, flow->port_ifindex,
						    port));
	}
	json_string(&o->j, "eth_src", mac_name(flow->eth_src, mac));
	json_string(&o->j, "eth_dst", mac_name(flow->eth_dst, mac));
	json_u64(&o->j, "eth_type", flow->eth_type);
	if (flow->has & HNV_FLOW_IP_PROTO)
		json_u64(&o->j, "ip_proto", flow->ip_proto);
	if (flow->ip_src_len)
		json_string(&o->j, "ip_src",
			    ip_name(flow->ip_src, flow->ip_src_len, ip));
	if (flow->ip_dst_len)
		json_string(&o->j, "ip_dst",
			    ip_name(flow->ip_dst, flow->ip_dst_len, ip));
	if (flow->has & HNV_FLOW_L4_SRC)
		json_u64(&o->j, "l4_src", flow->l4_src);
	if (flow->has & HNV_FLOW_L4_DST)
		json_u64(&o->j, "l4_dst", flow->l4_dst);
	json_u64(&o->j, "packets", flow->packets);
	json_u64(&o->j, "bytes", flow->bytes);
	json_u64(&o->j, "idle_ms", flow->idle_ms);
	json_actions(o, flow);
	json_object_end(&o->j);
}

/*
 * Where a flow enters: "port v1", or for a flow of the uplink "uplink vsid
 * 5001 from 192.168.2.20", the VSID and outer source it arrived with.
 */
static void print_flow_port(struct out *o, const struct hnv_flow *flow)
{
	char name[IFNAMSIZ], pa[INET_ADDRSTRLEN];

	if (flow->has & HNV_FLOW_UPLINK)
		fprintf(o->fp, "uplink vsid %" PRIu32 " from %s", flow->vsid,
			in4_name(flow->tun_src, pa));
	else
		fprintf(o->fp, "port %s",
			flow_dev(o, flow->port_ifindex, name));
}

/*
 * One line: where the flow enters, its key, its counters and its actions.
 * Ports follow the addresses of TCP and UDP flows.
 */
void out_flow(struct out *o, const struct hnv_flow *flow)
{
	char sw[IFNAMSIZ], src[MAC_NAMSIZ], dst[MAC_NAMSIZ];
	char type[ETH_TYPE_NAMSIZ], proto[IP_PROTO_NAMSIZ];
	bool has_proto = flow->has & HNV_FLOW_IP_PROTO;
	bool ports = has_proto &&
		(flow->ip_proto == IPPROTO_TCP ||
		 flow->ip_proto == IPPROTO_UDP) &&
		(flow->has & HNV_FLOW_L4_SRC) && (flow->has & HNV_FLOW_L4_DST);

	next_line(o);
	if (o->json) {
		json_flow(o, flow);
		return;
	}
	fprintf(o->fp, "%s ", flow_dev(o, flow->switch_ifindex, sw));
	print_flow_port(o, flow);
	fprintf(o->fp, ": %s > %s %s", mac_name(flow->eth_src, src),
		mac_name(flow->eth_dst, dst),
		eth_type_name(flow->eth_type, type, sizeof(type)));
	if (flow->ip_src_len && flow->ip_dst_len) {
		fputc(' ', o->fp);
		print_endpoint(o->fp, flow->ip_src, flow->ip_src_len, ports,
			       flow->l4_src);
		fputs(" > ", o->fp);
		print_endpoint(o->fp, flow->ip_dst, flow->ip_dst_len, ports,
			       flow->l4_dst);
	}
	if (has_proto)
		fprintf(o->fp, " %s",
			ip_proto_name(flow->ip_proto, proto, sizeof(proto)));
	fprintf(o->fp, " packets %" PRIu64 " bytes %" PRIu64 " idle %" PRIu32
		"ms", flow->packets, flow->bytes, flow->idle_ms);
	print_actions(o, flow);
	fputc('\n', o->fp);
}

/*
 * "map vsid 5001 mac 02:00:00:00:00:02 ca 10.1.1.12 pa 192.168.2.20
 * switch hnv0", without "ca" if the mapping has none.
 */
void out_map(struct out *o, const struct hnv_map *map,
	     const char *switch_name)
{
	char mac[MAC_NAMSIZ], ca[INET6_ADDRSTRLEN], pa[INET_ADDRSTRLEN];

	mac_name(map->mac, mac);
	in4_name(map->pa, pa);
	if (map->ca_len)
		ip_name(map->ca, map->ca_len, ca);
	next_line(o);
	if (o->json) {
		json_string(&o->j, "switch", switch_name);
		json_u64(&o->j, "vsid", map->vsid);
		json_string(&o->j, "mac", mac);
		if (map->ca_len)
			json_string(&o->j, "ca", ca);
		json_string(&o->j, "pa", pa);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "map vsid %" PRIu32 " mac %s", map->vsid, mac);
	if (map->ca_len)
		fprintf(o->fp, " ca %s", ca);
	fprintf(o->fp, " pa %s switch %s\n", pa, switch_name);
}
