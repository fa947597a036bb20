/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * DOC: hnv generic netlink API
 *
 * hnv is a network-virtualization switch in the style of HNVv2.  A switch is
 * a net_device of kind "hnv" (``ip link add hnv0 type hnv``); Ethernet
 * devices become its ports with ``ip link set DEV master hnv0``.  Everything
 * beyond the link itself is configured through the generic netlink family
 * named HNV_GENL_NAME, version HNV_GENL_VERSION.  The family is per network
 * namespace: a request only ever sees the switches of the namespace of the
 * socket it arrives on.
 *
 * Permissions
 * -----------
 * Every command requires CAP_NET_ADMIN in the user namespace that owns the
 * network namespace (GENL_UNS_ADMIN_PERM), reads included: the state of a
 * switch describes its tenants' networks.  Otherwise the request fails with
 * -EPERM.
 *
 * Validation and errors
 * ---------------------
 * Every attribute is validated strictly: an unknown attribute, an attribute
 * of the wrong size or an out-of-range value fails the request with -EINVAL
 * (or -ERANGE) before anything is done, and the extended ack carries a
 * message and points at the offending attribute.  Errors found while
 * handling a request (no such switch, device is not an hnv switch, ...)
 * come back the same way: an errno plus an extack message naming the
 * attribute.  A missing required attribute fails with -EINVAL, its type in
 * NLMSGERR_ATTR_MISS_TYPE and its name in the message.  A request that
 * fails changes nothing.  Flag words carry an __HNV_*_F_ALL mask; unknown
 * bits are rejected.
 *
 * Selecting a switch
 * ------------------
 * Commands that act on one switch take either
 *
 *    HNV_A_SWITCH_IFINDEX: NLA_U32, the ifindex of the switch device
 *    HNV_A_SWITCH_IFNAME: NLA_NUL_STRING, maximum len IFNAMSIZ - 1
 *
 * If both are given, they must name the same device (else -EINVAL).  No
 * device of that index or name: -ENODEV.  A device that exists but is not
 * an hnv switch: -EOPNOTSUPP.  Ports are selected the same way with
 * HNV_A_PORT_IFINDEX / HNV_A_PORT_IFNAME; a device that is not a port of
 * any switch: -EOPNOTSUPP.
 *
 * Commands
 * --------
 * HNV_CMD_SWITCH_GET
 *    Without NLM_F_DUMP: selects one switch (see above) and replies with
 *    one message describing it.  With NLM_F_DUMP: one message per switch
 *    of the namespace, or only for the selected switch if the request
 *    carries a selector.  A switch is described by (all always present):
 *
 *    HNV_A_SWITCH_IFINDEX: NLA_U32
 *    HNV_A_SWITCH_IFNAME: NLA_NUL_STRING
 *    HNV_A_SWITCH_NPORTS: NLA_U32, number of attached ports
 *    HNV_A_SWITCH_STATS: NLA_NESTED, the switch's own counters plus the sum
 *                        over its ports (see "Counters" below)
 *    HNV_A_SWITCH_UFT_MAX: NLA_U32, most flows the switch caches in all
 *                          its ports' unified flow tables (default 262144)
 *    HNV_A_SWITCH_UFT_PORT_MAX: NLA_U32, most flows one port caches
 *                               (default 16384)
 *    HNV_A_SWITCH_UFT_IDLE_MS: NLA_U32, a cached flow unused this long is
 *                              removed (default 30000; checked every 100 ms
 *                              to every second, depending on the timeout)
 *    HNV_A_SWITCH_NFLOWS: NLA_U32, flows cached now
 *    HNV_A_SWITCH_NMAPS: NLA_U32, CA->PA mappings
 *    HNV_A_SWITCH_MAPS_MAX: NLA_U32, most CA->PA mappings the switch holds
 *                           (default 1048576)
 *    HNV_A_SWITCH_PAS: NLA_NESTED, the switch's provider addresses, each
 *                      an attribute of type 1 holding 4 bytes (IPv4, in
 *                      network order); absent when there is none
 *    HNV_A_SWITCH_VXLAN_PORT: NLA_U16, the UDP port VXLAN is sent to and
 *                             received on (default 4789)
 *    HNV_A_SWITCH_STRICT: NLA_U8, 1 if strict mode is on (default 0): a
 *                         packet from the physical network is delivered
 *                         only if its outer source address is the PA that
 *                         the inner source MAC is mapped to in its VSID
 *                         (else HNV_DROP_PA_MISMATCH)
 *    HNV_A_SWITCH_ROUTER_MAC: binary, ETH_ALEN, the MAC of the switch's
 *                         distributed router: the gateways' MAC in ARP
 *                         and neighbour answers (default 02:48:4e:56:00:01,
 *                         the same on every host, so a VM that moves keeps
 *                         its gateway's MAC)
 *    HNV_A_SWITCH_NVGRE_FLOWID: NLA_U8, 1 if NVGRE packets carry a FlowID
 *                         from the inner flow's hash in the low 8 bits of
 *                         the GRE key (the default), 0 if they carry 0
 *                         there (RFC 7637 allows both; 0 is what a Linux
 *                         gretap with key VSID << 8 expects).  Received
 *                         packets are accepted with any FlowID.
 *    HNV_A_SWITCH_CONN_TIMEOUT: NLA_U32, seconds a tracked connection
 *                         other than an established TCP one lives
 *                         without traffic (default 30)
 *    HNV_A_SWITCH_CONN_TCP_TIMEOUT: NLA_U32, the same for an established
 *                         TCP connection (default 3600)
 *    HNV_A_SWITCH_NCONNS: NLA_U32, connections tracked now
 *
 *    A packet whose flow cannot be cached because a limit is reached is
 *    still forwarded, through the slow path, and counted in
 *    HNV_STATS_A_FLOWS_UNCACHED.
 *
 * HNV_CMD_SWITCH_SET
 *    Selects a switch and changes any of HNV_A_SWITCH_UFT_MAX (1 ..
 *    16777216), HNV_A_SWITCH_UFT_PORT_MAX (1 .. 16777216) and
 *    HNV_A_SWITCH_UFT_IDLE_MS (100 .. 3600000).  Lowering a limit does not
 *    evict cached flows; they age out.  Also:
 *
 *    HNV_A_SWITCH_PAS: NLA_NESTED, 0 .. HNV_PAS_MAX addresses (type 1, 4
 *        bytes each, unicast, distinct) replacing the switch's list; an
 *        empty nest removes them all.  Each flow that leaves the host uses
 *        one of them as outer source, chosen by the flow's hash.  While
 *        the switch has a PA it listens for VXLAN on its UDP port in its
 *        network namespace (-EADDRINUSE if something else holds it).
 *    HNV_A_SWITCH_VXLAN_PORT: NLA_U16, non-zero
 *    HNV_A_SWITCH_STRICT: NLA_U8, 0 or 1
 *    HNV_A_SWITCH_NVGRE_FLOWID: NLA_U8, 0 or 1
 *    HNV_A_SWITCH_ROUTER_MAC: binary, ETH_ALEN, unicast
 *    HNV_A_SWITCH_CONN_TIMEOUT, HNV_A_SWITCH_CONN_TCP_TIMEOUT: NLA_U32,
 *        1 .. 864000 seconds; connections tracked already keep theirs
 *        until their next packet
 *    HNV_A_SWITCH_MAPS_MAX: NLA_U32, 1 .. 16777216 (see
 *        HNV_CMD_MAP_NEW).  Lowering it below HNV_A_SWITCH_NMAPS removes
 *        no mapping: new ones are refused until deletions bring the count
 *        below it.
 *
 * HNV_CMD_MAP_NEW
 *    A CA->PA mapping: "the VM with MAC m (and CA c) in VSID v lives
 *    behind provider address p".  Switch selector and:
 *
 *    HNV_A_VSID: NLA_U32, required, a virtual subnet of the switch
 *    HNV_A_MAP_MAC: binary, ETH_ALEN, required, unicast: the VM's MAC
 *    HNV_A_MAP_CA: binary, 4 or 16 bytes, optional: the VM's address
 *    HNV_A_MAP_PA: binary, 4 bytes, required: the host it lives behind
 *
 *    HNV_A_REPLACE: NLA_FLAG, optional
 *
 *    (VSID, MAC) is the key.  An existing mapping is -EEXIST unless the
 *    request has HNV_A_REPLACE, which moves it (a VM migration): cached
 *    flows use the new PA from their next packet on.  (Generic netlink
 *    reserves NLM_F_REPLACE's bit for dumps, hence the attribute.)
 *
 *    A new key when the switch holds HNV_A_SWITCH_MAPS_MAX mappings is
 *    -ENOSPC, with an extack message naming HNV_A_SWITCH_MAPS_MAX; moving
 *    an existing mapping (HNV_A_REPLACE) is not limited.
 *
 * HNV_CMD_MAP_DEL
 *    Switch selector, HNV_A_VSID and HNV_A_MAP_MAC; -ENOENT if absent.
 *
 * HNV_CMD_MAP_GET
 *    Dump only: the mappings of the selected switch (or of every switch),
 *    only those of one VSID if HNV_A_VSID is given.  Each message:
 *    HNV_A_SWITCH_IFINDEX, HNV_A_VSID, HNV_A_MAP_MAC, HNV_A_MAP_PA and
 *    HNV_A_MAP_CA if the mapping has one.  One message per mapping.
 *
 * HNV_CMD_PORT_GET
 *    Without NLM_F_DUMP: HNV_A_PORT_IFINDEX or HNV_A_PORT_IFNAME (top level)
 *    selects one port; a switch selector, if given, must be the port's
 *    switch (else -EINVAL).  With NLM_F_DUMP: one message per port of the
 *    selected switch, or of every switch of the namespace without a
 *    selector; a port selector in a dump is -EINVAL.  A port is described
 *    by (all always present):
 *
 *    HNV_A_SWITCH_IFINDEX: NLA_U32, the switch the port is attached to
 *    HNV_A_SWITCH_IFNAME: NLA_NUL_STRING, its name
 *    HNV_A_PORT_IFINDEX: NLA_U32
 *    HNV_A_PORT_IFNAME: NLA_NUL_STRING
 *    HNV_A_PORT_STATS: NLA_NESTED, the port's counters
 *    HNV_A_VSID: NLA_U32, the virtual subnet the port is bound to, 0 if
 *                none
 *    HNV_A_PORT_MAC: binary, ETH_ALEN, the MAC of the VM behind the port
 *                    (only while bound)
 *    HNV_A_PORT_CAS: NLA_NESTED, the VM's customer addresses (only while
 *                    bound with some), each an attribute of type 1
 *                    holding 4 (IPv4) or 16 (IPv6) bytes
 *
 * HNV_CMD_PORT_SET
 *    Binds a port (selected as for HNV_CMD_PORT_GET) to a virtual subnet
 *    of its switch, or unbinds it:
 *
 *    HNV_A_VSID: NLA_U32, required; a VSID the switch has a subnet for
 *                (-ENOENT otherwise), or 0 to unbind
 *    HNV_A_PORT_MAC: binary, ETH_ALEN, a unicast MAC; required to bind,
 *                    refused when unbinding.  The port may only send
 *                    frames from this MAC, and frames to it in the VSID
 *                    are delivered to the port.
 *    HNV_A_PORT_CAS: NLA_NESTED, optional when binding, refused when
 *                    unbinding: the VM's customer addresses, 1 ..
 *                    HNV_PORT_CAS_MAX attributes of type 1 holding 4 or
 *                    16 bytes.  Each must lie in the subnet's prefix of its
 *                    family (-EINVAL if the subnet has none, or it lies
 *                    outside, or it is the gateway) and belong to no other
 *                    port of the VSID on the switch (-EEXIST).
 *
 *    A bind replaces the port's VSID, MAC and CAs together.
 *    Flows already cached for any port see the change on their next
 *    packet.  An unbound port sends nothing (HNV_DROP_PORT_UNBOUND).
 *
 * HNV_CMD_SUBNET_NEW
 *    Adds a virtual subnet to a switch (switch selector required):
 *
 *    HNV_A_VSID: NLA_U32, required, HNV_VSID_MIN .. HNV_VSID_MAX
 *    HNV_A_RDID: NLA_U32, required, non-zero: the virtual network
 *                (routing domain) the subnet belongs to
 *    HNV_A_ENCAP: NLA_U8, enum hnv_encap, default HNV_ENCAP_VXLAN
 *    HNV_A_SUBNET_PREFIX4: NLA_NESTED, optional, the subnet's IPv4 prefix:
 *        HNV_PREFIX_A_ADDR: binary, 4 bytes, required, no bits set past
 *            the length
 *        HNV_PREFIX_A_LEN: NLA_U8, required, 8 .. 30
 *        HNV_PREFIX_A_GATEWAY: binary, 4 bytes, optional: the router's
 *            address in the subnet, inside the prefix, neither the prefix
 *            itself nor its broadcast address; default the first usable
 *            (prefix + 1)
 *    HNV_A_SUBNET_PREFIX6: NLA_NESTED, optional, the IPv6 prefix, the same
 *        with 16-byte addresses and a length of 16 .. 126 (the gateway may
 *        not be the prefix itself); default gateway prefix::1
 *
 *    -EEXIST if the switch has that VSID already, or if a prefix overlaps
 *    one of another subnet of the same RDID (subnets of different RDIDs
 *    may overlap: they are different tenants' address plans).  At most
 *    HNV_SUBNETS_MAX subnets per switch (-ENOSPC).
 *
 * HNV_CMD_SUBNET_DEL
 *    Switch selector and HNV_A_VSID.  -ENOENT if there is no such subnet,
 *    -EBUSY while ports are bound to it.
 *
 * HNV_CMD_SUBNET_GET
 *    Without NLM_F_DUMP: switch selector and HNV_A_VSID, one reply.  With
 *    NLM_F_DUMP: the subnets of the selected switch, or of every switch
 *    of the namespace.  A subnet is described by HNV_A_SWITCH_IFINDEX,
 *    HNV_A_SWITCH_IFNAME, HNV_A_VSID, HNV_A_RDID, HNV_A_ENCAP and, if it
 *    has them, HNV_A_SUBNET_PREFIX4 and HNV_A_SUBNET_PREFIX6 (with the
 *    gateway always present).
 *
 * HNV_CMD_FLOW_GET
 *    Dump only (a request without NLM_F_DUMP is -EOPNOTSUPP): the flows
 *    cached in the unified flow tables of the selected switch (switch
 *    selector optional: every switch), narrowed to one port by a port
 *    selector (which must then be a port of the selected switch, else
 *    -EINVAL).  One message per flow:
 *
 *    HNV_A_SWITCH_IFINDEX: NLA_U32
 *    HNV_A_PORT_IFINDEX: NLA_U32, the port the flow enters on; the
 *        switch's own ifindex for a flow from the physical network (the
 *        uplink), whose frames were decapsulated.  Uplink flows are
 *        listed after the ports' unless a port selector narrows the dump.
 *    HNV_A_FLOW: NLA_NESTED:
 *        HNV_FLOW_A_VSID: NLA_U32, uplink flows only: the VNI/key the
 *            frames arrived with
 *        HNV_FLOW_A_TUN_SRC: binary, 4 bytes, uplink flows only: the
 *            outer source address (the sending host's PA)
 *        HNV_FLOW_A_ETH_SRC, HNV_FLOW_A_ETH_DST: binary, ETH_ALEN
 *        HNV_FLOW_A_ETH_TYPE: NLA_BE16
 *        for IPv4/IPv6 frames also
 *        HNV_FLOW_A_IP_PROTO: NLA_U8
 *        HNV_FLOW_A_IP_SRC, HNV_FLOW_A_IP_DST: binary, 4 or 16 bytes
 *        HNV_FLOW_A_L4_SRC, HNV_FLOW_A_L4_DST: NLA_BE16, present for
 *            every IP flow: the ports; for ICMP and ICMPv6 the type and
 *            the code; 0 for other protocols without ports
 *        for an IPv6 neighbour solicitation or advertisement,
 *            HNV_FLOW_A_IP_DST is its target address (what is asked or
 *            announced), not the packet's destination
 *        for ARP (IPv4 over Ethernet, request or reply) only
 *        HNV_FLOW_A_IP_SRC, HNV_FLOW_A_IP_DST: the sender and target
 *            protocol addresses
 *        HNV_FLOW_A_ACTIONS: NLA_NESTED, the composed actions in the
 *            order they are applied, never empty (a drop is an action);
 *            each attribute is one action:
 *            HNV_ACTION_A_OUTPUT: NLA_U32, send to the port of this ifindex
 *            HNV_ACTION_A_DROP: NLA_U8, drop for this enum hnv_drop_reason
 *            HNV_ACTION_A_REPLY: binary, ETH_ALEN, answer the ARP
 *                request or neighbour solicitation with this MAC, back
 *                to the port it came from
 *            HNV_ACTION_A_ROUTE: binary, ETH_ALEN, route: TTL or hop
 *                limit minus one (an ICMP time exceeded from the gateway
 *                when it runs out), the router MAC as source and this
 *                MAC (the destination VM's) as destination; the output
 *                or encapsulation that follows takes it to the VM
 *            HNV_ACTION_A_ICMP: NLA_U16, answer with an ICMP (IPv4) or
 *                ICMPv6 error of type << 8 | code from the gateway
 *                (destination unreachable: the RDID has no subnet, or no
 *                VM, at the destination)
 *            HNV_ACTION_A_ECHO: NLA_FLAG, the gateway answers the ping
 *            HNV_ACTION_A_ACL: NLA_NESTED, an ACL allowed the packet (its
 *                rule's hit counter counts it): HNV_ACL_A_DIR,
 *                HNV_ACL_A_PORT_IFINDEX or HNV_ACL_A_VSID, and
 *                HNV_ACL_A_PRIORITY or HNV_ACL_A_DEFAULT; or
 *                HNV_ACL_A_CONN: return traffic of a tracked connection
 *            HNV_ACTION_A_ENCAP: NLA_NESTED, encapsulate toward a PA:
 *                HNV_ENCAP_A_TYPE: NLA_U8, enum hnv_encap
 *                HNV_ENCAP_A_VNI: NLA_U32, the VNI (VSID)
 *                HNV_ENCAP_A_SRC, HNV_ENCAP_A_DST: binary, 4 bytes, the
 *                    outer source (one of the switch's PAs) and the
 *                    destination PA
 *        HNV_FLOW_A_PACKETS, HNV_FLOW_A_BYTES: NLA_U64 (pad HNV_FLOW_A_PAD)
 *        HNV_FLOW_A_IDLE_MS: NLA_U32, time since the flow's last packet
 *
 *    A flow whose policy changed since it was composed is listed with
 *    its old actions until its next packet recomposes them.
 *
 * HNV_CMD_FLOW_FLUSH
 *    Removes the cached flows of the selected switch (switch selector
 *    required), or of one port of it (port selector).  Later packets
 *    take the slow path again.
 *
 * HNV_CMD_ROUTE_NEW
 *    A static route of the distributed router: "in RDID r, prefix p is
 *    reached through the VM at address v".  Switch selector and:
 *
 *    HNV_A_RDID: NLA_U32, required
 *    HNV_A_ROUTE_PREFIX: NLA_NESTED, required: HNV_PREFIX_A_ADDR (4 or
 *        16 bytes, no bits set past the length) and HNV_PREFIX_A_LEN
 *        (0 .. 32 or 0 .. 128; 0 is a default route)
 *    HNV_A_ROUTE_VIA: binary, 4 or 16 bytes (the prefix's family),
 *        required: the next hop, an address in a subnet of the RDID
 *        other than its gateway (-EINVAL otherwise)
 *    HNV_A_REPLACE: NLA_FLAG, optional: change the next hop of an
 *        existing route (else -EEXIST)
 *
 *    A routed packet goes to the longest prefix that holds its
 *    destination, among the RDID's subnets and its static routes (a
 *    subnet wins a tie).  Through a static route it keeps its destination
 *    address and goes to the next hop's MAC, in the next hop's VSID; the
 *    next hop is resolved when a flow is composed, like any address.  At
 *    most HNV_ROUTES_MAX routes per switch (-ENOSPC).  Flows already
 *    cached see the change on their next packet.
 *
 * HNV_CMD_ROUTE_DEL
 *    Switch selector, HNV_A_RDID and HNV_A_ROUTE_PREFIX (-ENOENT if no
 *    such route).
 *
 * HNV_CMD_ROUTE_GET
 *    Dump only: the static routes of the selected switch (or of every
 *    switch), of one RDID if HNV_A_RDID is given.  One message per
 *    route: HNV_A_SWITCH_IFINDEX, HNV_A_RDID, HNV_A_ROUTE_PREFIX,
 *    HNV_A_ROUTE_VIA.
 *
 * HNV_CMD_ACL_NEW
 *    An ACL rule, or the default action, of a port or of a virtual
 *    subnet.  Switch selector and either a port selector (a port ACL) or
 *    HNV_A_VSID (a VSID ACL; the VSID need not have a subnet yet), and:
 *
 *    HNV_A_ACL: NLA_NESTED, required:
 *        HNV_ACL_A_DIR: NLA_U8, enum hnv_acl_dir, required
 *        HNV_ACL_A_ACTION: NLA_U8, enum hnv_acl_action, required
 *        HNV_ACL_A_STATEFUL: NLA_FLAG, allow only: return traffic of a
 *            connection this rule lets through is allowed too (below)
 *        HNV_ACL_A_DEFAULT: NLA_FLAG: set the default action of the
 *            port or VSID in that direction (taken when no rule
 *            matches; allow until set) instead of adding a rule; no
 *            priority or match attributes then
 *        HNV_ACL_A_PRIORITY: NLA_U32, 1 .. 65535, required for a rule:
 *            lower is stronger; one rule per priority per port or VSID
 *            and direction (-EEXIST unless HNV_A_REPLACE)
 *        HNV_ACL_A_PROTO: NLA_U8, the IP protocol; absent: any
 *        HNV_ACL_A_SRC, HNV_ACL_A_DST: NLA_NESTED, HNV_PREFIX_A_ADDR (4 or
 *            16 bytes, no bits set past the length) and HNV_PREFIX_A_LEN
 *            (0 .. 32 or 0 .. 128); absent: any address
 *        HNV_ACL_A_SPORT_MIN, HNV_ACL_A_SPORT_MAX, HNV_ACL_A_DPORT_MIN,
 *            HNV_ACL_A_DPORT_MAX: NLA_U16, port ranges (MAX defaults to
 *            MIN, MIN to 0), TCP and UDP rules only
 *    HNV_A_REPLACE: NLA_FLAG, optional: replace the rule of that priority
 *
 *    A rule matches IPv4 and IPv6 both unless a prefix or the protocol
 *    (ICMP: IPv4, ICMPv6: IPv6) names the family; the prefixes must
 *    agree.  ACLs apply to IPv4 and IPv6 packets except IPv6 neighbour
 *    discovery (ICMPv6 types 133 .. 137), which the switch answers
 *    itself; ARP and other frames are not subject to them.
 *
 *    Direction is seen from the VM: HNV_ACL_DIR_OUT is what a port (or
 *    a port bound to the VSID) sends, HNV_ACL_DIR_IN what is delivered
 *    to it.  A packet must be allowed by every ACL on its way on this
 *    host: leaving a VM, its port's then its VSID's OUT ACL; delivered
 *    to a VM, its VSID's then its port's IN ACL (a routed packet meets
 *    the VSID ACLs of both subnets).  Within one ACL the matching rule of
 *    lowest priority decides, else the default action.  A packet that
 *    leaves the host meets the destination's IN ACLs on the host of the
 *    destination.  Denied packets are dropped as HNV_DROP_ACL.
 *
 *    Stateful: when a packet's allow on this host was decided, anywhere
 *    on its way, by a stateful rule or stateful default, the switch
 *    tracks its connection (RDID, protocol, addresses, ports; ICMP and
 *    ICMPv6 by addresses alone, whatever their type).  Packets in the other direction of a tracked
 *    connection pass every ACL of the host.  Connections are entries of
 *    the flow table (counted against HNV_A_SWITCH_UFT_MAX); a TCP
 *    connection closes on RST at once and after FIN both ways within
 *    10 s; connections idle out (HNV_A_SWITCH_CONN_TIMEOUT,
 *    HNV_A_SWITCH_CONN_TCP_TIMEOUT).  When ACLs change, a connection
 *    whose first direction is no longer allowed is closed on the next
 *    packet of either direction.  Cached flows see every change on their
 *    next packet.
 *
 *    At most HNV_ACL_RULES_MAX rules per switch, and ACLs (rules or a
 *    default) for at most HNV_SUBNETS_MAX VSIDs (-ENOSPC).
 *
 * HNV_CMD_ACL_DEL
 *    Switch selector, port selector or HNV_A_VSID, and HNV_A_ACL with
 *    HNV_ACL_A_DIR and HNV_ACL_A_PRIORITY (the rule) or HNV_ACL_A_DEFAULT
 *    (the default goes back to allow).  -ENOENT if there is none.
 *
 * HNV_CMD_ACL_FLUSH
 *    Switch selector, optionally a port selector or HNV_A_VSID, and
 *    optionally HNV_A_ACL with HNV_ACL_A_DIR: removes the rules and
 *    defaults of the switch, of the port or VSID, of one direction.
 *
 * HNV_CMD_ACL_GET
 *    Dump only: the rules and set defaults of the selected switch (or
 *    of every switch), narrowed by a port selector or HNV_A_VSID.  One
 *    message per rule or default: HNV_A_SWITCH_IFINDEX, HNV_A_PORT_IFINDEX
 *    or HNV_A_VSID, and HNV_A_ACL with what was set plus HNV_ACL_A_HITS
 *    (NLA_U64, pad HNV_ACL_A_PAD: packets the rule decided for).
 *
 * HNV_CMD_CONN_GET
 *    Dump only: the tracked connections of the selected switch (or of
 *    every switch).  One message per connection: HNV_A_SWITCH_IFINDEX and
 *    HNV_A_CONN: HNV_CONN_A_RDID (NLA_U32), HNV_CONN_A_PROTO (NLA_U8),
 *    HNV_CONN_A_SRC and HNV_CONN_A_DST (binary, 4 or 16 bytes: the
 *    initiator and the responder), HNV_CONN_A_SPORT and HNV_CONN_A_DPORT
 *    (NLA_BE16; 0 for ICMP), HNV_CONN_A_STATE (NLA_U8, enum
 *    hnv_conn_state), HNV_CONN_A_EXPIRES_MS (NLA_U32).
 *
 * HNV_CMD_TRACE
 *    Composes the actions for a described packet as if it entered the
 *    switch, without sending anything, caching a flow or counting: the
 *    operator's "why was this dropped?".  Switch selector optional; port
 *    selector required: a port, or the switch device itself for a packet
 *    from the physical network (then HNV_FLOW_A_VSID and
 *    HNV_FLOW_A_TUN_SRC are required).  HNV_A_FLOW describes the packet:
 *    HNV_FLOW_A_IP_PROTO, HNV_FLOW_A_IP_SRC and HNV_FLOW_A_IP_DST
 *    required (the family follows the addresses), HNV_FLOW_A_L4_SRC and
 *    HNV_FLOW_A_L4_DST (ports; ICMP type and code) optional,
 *    HNV_FLOW_A_ETH_SRC default the port's MAC, HNV_FLOW_A_ETH_DST
 *    default the MAC the switch knows for the destination address in the
 *    port's VSID, else the router MAC.  The reply: HNV_A_SWITCH_IFINDEX,
 *    HNV_A_PORT_IFINDEX, HNV_A_FLOW (the packet as composed, with
 *    HNV_FLOW_A_ACTIONS: what the datapath would do) and HNV_A_TRACE, a
 *    nest of HNV_TRACE_A_STEP nests in the order taken (the first 64;
 *    the composed actions are always complete), each:
 *        HNV_STEP_A_LAYER: NLA_NUL_STRING, the layer
 *        HNV_STEP_A_ACL: NLA_NESTED, for an ACL step: HNV_ACL_A_DIR,
 *            HNV_ACL_A_PORT_IFINDEX or HNV_ACL_A_VSID, HNV_ACL_A_PRIORITY
 *            of the rule that decided (or HNV_ACL_A_DEFAULT),
 *            HNV_ACL_A_ACTION, HNV_ACL_A_STATEFUL; or HNV_ACL_A_CONN
 *            (NLA_U8, enum hnv_conn_state) if the return traffic of a
 *            tracked connection passed
 *        HNV_STEP_A_ACTIONS: NLA_NESTED, the actions the step composed
 *            (as HNV_FLOW_A_ACTIONS), if any
 *
 * Replies
 * -------
 * Commands that change something (*_NEW, *_DEL, *_SET, FLOW_FLUSH) answer
 * with the netlink ACK only (request it with NLM_F_ACK).
 *
 * Dumps
 * -----
 * Dumps are split across as many messages as needed; the per-namespace
 * configuration generation is placed in the netlink sequence check, so a
 * dump that overlaps a configuration change carries NLM_F_DUMP_INTR and
 * should be retried.
 *
 * Counters
 * --------
 * HNV_A_*_STATS is a nest of NLA_U64 (NLA_PAD = HNV_STATS_A_PAD), every
 * counter always present:
 *
 *    HNV_STATS_A_RX_PACKETS / HNV_STATS_A_RX_BYTES: frames received from
 *        ports (from the VMs)
 *    HNV_STATS_A_TX_PACKETS / HNV_STATS_A_TX_BYTES: frames sent to ports
 *    HNV_STATS_A_FLOWS_NEW: flows composed by the slow path and cached
 *    HNV_STATS_A_FLOWS_AGED: cached flows removed for being idle
 *    HNV_STATS_A_FLOWS_UNCACHED: packets handled by the slow path without
 *        caching their flow, because a flow-table limit was reached
 *    HNV_STATS_A_FLOWS_RECOMPOSED: cached flows recomposed on their next
 *        packet after a policy change
 *    HNV_STATS_A_DROPS: a nest holding one NLA_U64 per enum hnv_drop_reason
 *        whose count is not zero; the attribute type is the reason, and
 *        type 0 (HNV_DROP_UNSPEC) is alignment padding to be skipped.
 *
 * Multicast groups
 * ----------------
 * HNV_MCGRP_EVENTS ("events") carries notifications:
 *
 * HNV_CMD_NEIGH_MISS
 *    A port asked (ARP request or neighbour solicitation) for an address
 *    the switch knows no MAC of in the port's VSID, in a subnet with a
 *    prefix of its family; the request was dropped (see
 *    HNV_DROP_NEIGH_UNKNOWN).  HNV_A_SWITCH_IFINDEX, HNV_A_PORT_IFINDEX,
 *    HNV_A_VSID and HNV_A_MISS_ADDR (binary, 4 or 16 bytes: the address
 *    asked for).  At most one event per (VSID, address) a second, and at
 *    most 100 a second per switch: a scanning VM cannot flood
 *    listeners.  A port asking again for the same address is answered
 *    from its cached flow (the drop) without another event until the
 *    policy changes or the flow ages out.  Not a request: sending it is
 *    -EOPNOTSUPP.
 *
 * Joining the group needs CAP_NET_ADMIN over the network namespace, as
 * reading does (an event names a tenant's address); a listener hears only
 * its own namespace's switches.
 */

#ifndef _UAPI_LINUX_HNV_H
#define _UAPI_LINUX_HNV_H

#define HNV_GENL_NAME		"hnv"
#define HNV_GENL_VERSION	1
#define HNV_MCGRP_EVENTS	"events"

enum hnv_cmd {
	HNV_CMD_UNSPEC,
	HNV_CMD_SWITCH_GET,
	HNV_CMD_PORT_GET,
	HNV_CMD_SUBNET_NEW,
	HNV_CMD_SUBNET_DEL,
	HNV_CMD_SUBNET_GET,
	HNV_CMD_PORT_SET,
	HNV_CMD_FLOW_GET,
	HNV_CMD_FLOW_FLUSH,
	HNV_CMD_SWITCH_SET,
	HNV_CMD_MAP_NEW,
	HNV_CMD_MAP_DEL,
	HNV_CMD_MAP_GET,
	HNV_CMD_NEIGH_MISS,
	HNV_CMD_ROUTE_NEW,
	HNV_CMD_ROUTE_DEL,
	HNV_CMD_ROUTE_GET,
	HNV_CMD_ACL_NEW,
	HNV_CMD_ACL_DEL,
	HNV_CMD_ACL_GET,
	HNV_CMD_ACL_FLUSH,
	HNV_CMD_CONN_GET,
	HNV_CMD_TRACE,
	__HNV_CMD_MAX
};
#define HNV_CMD_MAX (__HNV_CMD_MAX - 1)

enum hnv_attr {
	HNV_A_UNSPEC,
	HNV_A_SWITCH_IFINDEX,
	HNV_A_SWITCH_IFNAME,
	HNV_A_SWITCH_NPORTS,
	HNV_A_SWITCH_STATS,
	HNV_A_PORT_IFINDEX,
	HNV_A_PORT_IFNAME,
	HNV_A_PORT_STATS,
	HNV_A_VSID,
	HNV_A_RDID,
	HNV_A_ENCAP,
	HNV_A_PORT_MAC,
	HNV_A_FLOW,
	HNV_A_SWITCH_UFT_MAX,
	HNV_A_SWITCH_UFT_PORT_MAX,
	HNV_A_SWITCH_UFT_IDLE_MS,
	HNV_A_SWITCH_NFLOWS,
	HNV_A_SWITCH_PAS,
	HNV_A_SWITCH_VXLAN_PORT,
	HNV_A_MAP_MAC,
	HNV_A_MAP_CA,
	HNV_A_MAP_PA,
	HNV_A_SWITCH_NMAPS,
	HNV_A_REPLACE,
	HNV_A_SWITCH_STRICT,
	HNV_A_SWITCH_NVGRE_FLOWID,
	HNV_A_SUBNET_PREFIX4,
	HNV_A_SUBNET_PREFIX6,
	HNV_A_PORT_CAS,
	HNV_A_SWITCH_ROUTER_MAC,
	HNV_A_MISS_ADDR,
	HNV_A_ROUTE_PREFIX,
	HNV_A_ROUTE_VIA,
	HNV_A_ACL,
	HNV_A_CONN,
	HNV_A_TRACE,
	HNV_A_SWITCH_CONN_TIMEOUT,
	HNV_A_SWITCH_CONN_TCP_TIMEOUT,
	HNV_A_SWITCH_NCONNS,
	HNV_A_SWITCH_MAPS_MAX,
	__HNV_A_MAX
};
#define HNV_A_MAX (__HNV_A_MAX - 1)

enum hnv_stats_attr {
	HNV_STATS_A_UNSPEC,
	HNV_STATS_A_PAD,
	HNV_STATS_A_RX_PACKETS,
	HNV_STATS_A_RX_BYTES,
	HNV_STATS_A_TX_PACKETS,
	HNV_STATS_A_TX_BYTES,
	HNV_STATS_A_DROPS,
	HNV_STATS_A_FLOWS_NEW,
	HNV_STATS_A_FLOWS_AGED,
	HNV_STATS_A_FLOWS_UNCACHED,
	HNV_STATS_A_FLOWS_RECOMPOSED,
	__HNV_STATS_A_MAX
};
#define HNV_STATS_A_MAX (__HNV_STATS_A_MAX - 1)

/**
 * enum hnv_encap - how a virtual subnet's frames cross the physical network
 * @HNV_ENCAP_VXLAN: VXLAN (RFC 7348), VNI = VSID; the default
 * @HNV_ENCAP_NVGRE: NVGRE (RFC 7637), GRE key = VSID << 8 | FlowID
 */
enum hnv_encap {
	HNV_ENCAP_UNSPEC,
	HNV_ENCAP_VXLAN,
	HNV_ENCAP_NVGRE,
	__HNV_ENCAP_MAX
};
#define HNV_ENCAP_MAX (__HNV_ENCAP_MAX - 1)

#define HNV_VSID_MIN	4096
#define HNV_VSID_MAX	16777214	/* 2^24 - 2 */

enum hnv_flow_attr {
	HNV_FLOW_A_UNSPEC,
	HNV_FLOW_A_PAD,
	HNV_FLOW_A_ETH_SRC,
	HNV_FLOW_A_ETH_DST,
	HNV_FLOW_A_ETH_TYPE,
	HNV_FLOW_A_IP_PROTO,
	HNV_FLOW_A_IP_SRC,
	HNV_FLOW_A_IP_DST,
	HNV_FLOW_A_L4_SRC,
	HNV_FLOW_A_L4_DST,
	HNV_FLOW_A_ACTIONS,
	HNV_FLOW_A_PACKETS,
	HNV_FLOW_A_BYTES,
	HNV_FLOW_A_IDLE_MS,
	HNV_FLOW_A_VSID,
	HNV_FLOW_A_TUN_SRC,
	__HNV_FLOW_A_MAX
};
#define HNV_FLOW_A_MAX (__HNV_FLOW_A_MAX - 1)

enum hnv_action_attr {
	HNV_ACTION_A_UNSPEC,
	HNV_ACTION_A_OUTPUT,
	HNV_ACTION_A_DROP,
	HNV_ACTION_A_ENCAP,
	HNV_ACTION_A_REPLY,
	HNV_ACTION_A_ROUTE,
	HNV_ACTION_A_ICMP,
	HNV_ACTION_A_ECHO,
	HNV_ACTION_A_ACL,
	__HNV_ACTION_A_MAX
};
#define HNV_ACTION_A_MAX (__HNV_ACTION_A_MAX - 1)

enum hnv_encap_attr {
	HNV_ENCAP_A_UNSPEC,
	HNV_ENCAP_A_TYPE,
	HNV_ENCAP_A_VNI,
	HNV_ENCAP_A_SRC,
	HNV_ENCAP_A_DST,
	__HNV_ENCAP_A_MAX
};
#define HNV_ENCAP_A_MAX (__HNV_ENCAP_A_MAX - 1)

/* Most provider addresses a switch has. */
#define HNV_PAS_MAX	8

/* Most virtual subnets a switch has. */
#define HNV_SUBNETS_MAX		4096

/*
 * Most static routes a switch has.  A new flow's route lookup scans them
 * (with the subnets): the bound keeps that scan short.
 */
#define HNV_ROUTES_MAX		1024

/* Most customer addresses a port has. */
#define HNV_PORT_CAS_MAX	8

enum hnv_prefix_attr {
	HNV_PREFIX_A_UNSPEC,
	HNV_PREFIX_A_ADDR,
	HNV_PREFIX_A_LEN,
	HNV_PREFIX_A_GATEWAY,
	__HNV_PREFIX_A_MAX
};
#define HNV_PREFIX_A_MAX (__HNV_PREFIX_A_MAX - 1)

/* Most ACL rules a switch has, ports' and VSIDs' together. */
#define HNV_ACL_RULES_MAX	65536

/**
 * enum hnv_acl_dir - which traffic of a VM an ACL applies to
 * @HNV_ACL_DIR_IN: delivered to the VM
 * @HNV_ACL_DIR_OUT: sent by the VM
 */
enum hnv_acl_dir {
	HNV_ACL_DIR_UNSPEC,
	HNV_ACL_DIR_IN,
	HNV_ACL_DIR_OUT,
	__HNV_ACL_DIR_MAX
};
#define HNV_ACL_DIR_MAX (__HNV_ACL_DIR_MAX - 1)

enum hnv_acl_action {
	HNV_ACL_ACTION_UNSPEC,
	HNV_ACL_ACTION_ALLOW,
	HNV_ACL_ACTION_DENY,
	__HNV_ACL_ACTION_MAX
};
#define HNV_ACL_ACTION_MAX (__HNV_ACL_ACTION_MAX - 1)

enum hnv_acl_attr {
	HNV_ACL_A_UNSPEC,
	HNV_ACL_A_PAD,
	HNV_ACL_A_DIR,
	HNV_ACL_A_PRIORITY,
	HNV_ACL_A_ACTION,
	HNV_ACL_A_STATEFUL,
	HNV_ACL_A_DEFAULT,
	HNV_ACL_A_PROTO,
	HNV_ACL_A_SRC,
	HNV_ACL_A_DST,
	HNV_ACL_A_SPORT_MIN,
	HNV_ACL_A_SPORT_MAX,
	HNV_ACL_A_DPORT_MIN,
	HNV_ACL_A_DPORT_MAX,
	HNV_ACL_A_HITS,
	HNV_ACL_A_PORT_IFINDEX,
	HNV_ACL_A_VSID,
	HNV_ACL_A_CONN,
	__HNV_ACL_A_MAX
};
#define HNV_ACL_A_MAX (__HNV_ACL_A_MAX - 1)

/**
 * enum hnv_conn_state - the state of a tracked connection
 * @HNV_CONN_NEW: only the first direction seen so far
 * @HNV_CONN_ESTABLISHED: traffic seen both ways
 * @HNV_CONN_CLOSING: TCP: a FIN seen; closed after FIN both ways
 * @HNV_CONN_CLOSED: TCP: FIN both ways or RST; no longer passes return
 *	traffic (a closed entry lingers until the next aging pass)
 */
enum hnv_conn_state {
	HNV_CONN_UNSPEC,
	HNV_CONN_NEW,
	HNV_CONN_ESTABLISHED,
	HNV_CONN_CLOSING,
	HNV_CONN_CLOSED,
	__HNV_CONN_MAX
};
#define HNV_CONN_MAX (__HNV_CONN_MAX - 1)

enum hnv_conn_attr {
	HNV_CONN_A_UNSPEC,
	HNV_CONN_A_RDID,
	HNV_CONN_A_PROTO,
	HNV_CONN_A_SRC,
	HNV_CONN_A_DST,
	HNV_CONN_A_SPORT,
	HNV_CONN_A_DPORT,
	HNV_CONN_A_STATE,
	HNV_CONN_A_EXPIRES_MS,
	__HNV_CONN_A_MAX
};
#define HNV_CONN_A_MAX (__HNV_CONN_A_MAX - 1)

enum hnv_trace_attr {
	HNV_TRACE_A_UNSPEC,
	HNV_TRACE_A_STEP,
	__HNV_TRACE_A_MAX
};
#define HNV_TRACE_A_MAX (__HNV_TRACE_A_MAX - 1)

enum hnv_step_attr {
	HNV_STEP_A_UNSPEC,
	HNV_STEP_A_LAYER,
	HNV_STEP_A_ACL,
	HNV_STEP_A_ACTIONS,
	__HNV_STEP_A_MAX
};
#define HNV_STEP_A_MAX (__HNV_STEP_A_MAX - 1)

/**
 * enum hnv_drop_reason - why the switch dropped a frame
 * @HNV_DROP_PORT_UNBOUND: the frame came from a port that is not bound to a
 *	virtual subnet; such a port may not send anything
 * @HNV_DROP_SWITCH_XMIT: the frame was sent on the switch device itself,
 *	which is a control handle and carries no traffic
 * @HNV_DROP_NO_SUBNET: the port's VSID has no virtual subnet on this switch
 * @HNV_DROP_SRC_MAC: the frame's source MAC is not the port's MAC
 * @HNV_DROP_NO_DEST: nowhere to send it: no other port in the VSID
 * @HNV_DROP_MALFORMED: the frame is VLAN-tagged (ports are untagged) or
 *	too short for its headers
 * @HNV_DROP_NO_PA: the frame must be encapsulated but the switch has no
 *	provider address
 * @HNV_DROP_NO_ROUTE: no route to the destination PA; or a frame to the
 *	router MAC that the switch cannot route
 * @HNV_DROP_BAD_VXLAN: a VXLAN packet from the physical network with a
 *	header that is not I-flag-only, or too short to hold an inner frame
 * @HNV_DROP_UNKNOWN_VNI: a VXLAN or NVGRE packet whose VNI (VSID) is no
 *	virtual subnet of the switch
 * @HNV_DROP_PA_MISMATCH: strict mode: a packet from the physical network
 *	whose outer source is not the mapped PA of its inner source MAC
 * @HNV_DROP_TOO_BIG: a frame too big to cross the physical network once
 *	encapsulated, that may not be fragmented (IPv4 with DF set, IPv6);
 *	an ICMP "fragmentation needed" / ICMPv6 "packet too big" naming the
 *	overlay's MTU went back to the sender
 * @HNV_DROP_BAD_NVGRE: a GRE/TEB packet from the physical network without a
 *	key (NVGRE always has one)
 * @HNV_DROP_SPOOF: an IP packet, ARP message or neighbour advertisement
 *	from a port with customer addresses of its family, claiming another
 *	address (or, for ARP, another MAC) than the port's
 * @HNV_DROP_NEIGH_UNKNOWN: an ARP request or IPv6 neighbour solicitation,
 *	in a subnet with a prefix of its family, for an address the switch
 *	knows no MAC of in the VSID: not answered, never broadcast, reported
 *	as an HNV_CMD_NEIGH_MISS event
 * @HNV_DROP_NEIGH_SELF: an ARP request or neighbour solicitation for the
 *	sender's own address (duplicate address detection, announcements),
 *	or a broadcast ARP reply or unsolicited neighbour advertisement: not
 *	answered, never broadcast
 * @HNV_DROP_TTL: a routed packet whose TTL or hop limit ran out; an ICMP
 *	time exceeded went back from the gateway
 * @HNV_DROP_ACL: an ACL denied the packet (see HNV_CMD_ACL_NEW); for a
 *	frame to several ports, only when it was denied to all of them
 */
enum hnv_drop_reason {
	HNV_DROP_UNSPEC,
	HNV_DROP_PORT_UNBOUND,
	HNV_DROP_SWITCH_XMIT,
	HNV_DROP_NO_SUBNET,
	HNV_DROP_SRC_MAC,
	HNV_DROP_NO_DEST,
	HNV_DROP_MALFORMED,
	HNV_DROP_NO_PA,
	HNV_DROP_NO_ROUTE,
	HNV_DROP_BAD_VXLAN,
	HNV_DROP_UNKNOWN_VNI,
	HNV_DROP_PA_MISMATCH,
	HNV_DROP_TOO_BIG,
	HNV_DROP_BAD_NVGRE,
	HNV_DROP_SPOOF,
	HNV_DROP_NEIGH_UNKNOWN,
	HNV_DROP_NEIGH_SELF,
	HNV_DROP_TTL,
	HNV_DROP_ACL,
	__HNV_DROP_MAX
};
#define HNV_DROP_MAX (__HNV_DROP_MAX - 1)

#endif /* _UAPI_LINUX_HNV_H */
