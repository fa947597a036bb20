#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Contoso/Fabrikam scenario of HNVv2, as far as hnv implements it.
# Runs inside the test VM (scripts/demo.sh boots it), as root, and builds
# everything in network namespaces that it deletes again at the end.
#
#   contoso-sql   10.1.1.11 --+                       +-- contoso-web   10.1.1.12
#   fabrikam-sql  10.1.1.11 --+ host1 (hnv0)          |   fabrikam-web  10.1.1.12
#                             |  PA 192.168.1.10      |
#                             +-- router --(underlay)-+ host2 (hnv0)
#                                                        PA 192.168.2.20
set -u

hnvctl=${HNVCTL:-hnvctl}
sfx=$$
hosts="host1 host2 router"
vms="contoso-sql fabrikam-sql contoso-web fabrikam-web"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { # NS CMD...: run in NS, showing the command as typed there
	local n=$1
	shift
	printf '%s# %s\n' "$n" "$*"
	on "$n" "$@" 2>&1 | sed 's/^/    /'
}
ns() { echo "$1-$sfx"; }
on() { local n=$1; shift; ip netns exec "$(ns "$n")" "$@"; }

cleanup() {
	for n in $hosts $vms; do ip netns del "$(ns "$n")" 2>/dev/null; done
}
trap cleanup EXIT

say "Topology: two hosts in different physical subnets, joined by a router"
cat <<'EOF'
  Contoso:  SQL 10.1.1.11 on host1, Web 10.1.1.12 on host2   (VSID 5001, VXLAN)
            Report 10.1.2.12 on host2                        (VSID 5002, routed)
  Fabrikam: SQL 10.1.1.11 on host1, Web 10.1.1.12 on host2   (VSID 6001, NVGRE)
  host1 PA 192.168.1.10/24 --- router --- 192.168.2.20/24 PA host2
EOF

for n in $hosts $vms; do
	ip netns add "$(ns "$n")"
	on "$n" ip link set lo up
	on "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
done

# The physical network.
ip -n "$(ns host1)" link add pnic type veth peer name r1 netns "$(ns router)"
ip -n "$(ns host2)" link add pnic type veth peer name r2 netns "$(ns router)"
on host1 ip addr add 192.168.1.10/24 dev pnic
on host2 ip addr add 192.168.2.20/24 dev pnic
on router ip addr add 192.168.1.1/24 dev r1
on router ip addr add 192.168.2.1/24 dev r2
for n in host1 host2; do
	on "$n" ip link set pnic up
	on "$n" ip route add default via "192.168.${n#host}.1"
done
on router ip link set r1 up
on router ip link set r2 up
on router sysctl -qw net.ipv4.ip_forward=1

# One switch per host, with both tenants' virtual subnets; each VM's NIC is
# a veth whose host end is a port bound to its tenant's VSID.
for n in host1 host2; do
	on "$n" ip link add hnv0 type hnv
	on "$n" ip link set hnv0 up
	on "$n" "$hnvctl" subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 switch hnv0
	on "$n" "$hnvctl" subnet add vsid 5002 rdid 1 prefix 10.1.2.0/24 switch hnv0
	on "$n" "$hnvctl" subnet add vsid 6001 rdid 2 encap nvgre prefix 10.1.1.0/24 switch hnv0
done
on host1 "$hnvctl" switch set dev hnv0 pa 192.168.1.10
on host2 "$hnvctl" switch set dev hnv0 pa 192.168.2.20
vmno=0
plug() { # VM HOST CA VSID
	local mac
	vmno=$((vmno + 1))
	mac=$(printf '02:00:00:00:00:%02x' $vmno)
	ip -n "$(ns "$2")" link add "$1" type veth peer name eth0 netns "$(ns "$1")"
	on "$1" ip link set eth0 address "$mac"
	on "$2" ip link set "$1" master hnv0
	on "$2" "$hnvctl" port set dev "$1" vsid "$4" mac "$mac" ca "$3"
	on "$2" ip link set "$1" up
	on "$1" ip addr add "$3/24" dev eth0
	on "$1" ip link set eth0 up
	on "$1" ip route add default via "${3%.*}.1"
}
plug contoso-sql host1 10.1.1.11 5001
plug fabrikam-sql host1 10.1.1.11 6001
plug contoso-web host2 10.1.1.12 5001
plug fabrikam-web host2 10.1.1.12 6001
# A second VM per tenant on host1, to show switching inside a host.
for t in contoso fabrikam; do
	vms="$vms $t-app"
	ip netns add "$(ns "$t-app")"
	on "$t-app" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
done
plug contoso-app host1 10.1.1.13 5001
plug fabrikam-app host1 10.1.1.13 6001
# Contoso's second subnet, routed to by the distributed router.
vms="$vms contoso-report"
ip netns add "$(ns contoso-report)"
on contoso-report sysctl -qw net.ipv6.conf.all.disable_ipv6=1
plug contoso-report host2 10.1.2.12 5002

# The CA->PA mappings: each host learns where the other host's VMs live.
mapvm() { # ON-HOST VM VSID CA PA
	on "$1" "$hnvctl" map add vsid "$3" mac "$(on "$2" cat /sys/class/net/eth0/address)" \
		ca "$4" pa "$5" switch hnv0
}
mapvm host1 contoso-web 5001 10.1.1.12 192.168.2.20
mapvm host1 fabrikam-web 6001 10.1.1.12 192.168.2.20
mapvm host2 contoso-sql 5001 10.1.1.11 192.168.1.10
mapvm host2 fabrikam-sql 6001 10.1.1.11 192.168.1.10
mapvm host2 contoso-app 5001 10.1.1.13 192.168.1.10
mapvm host2 fabrikam-app 6001 10.1.1.13 192.168.1.10
mapvm host1 contoso-report 5002 10.1.2.12 192.168.2.20

say "What hnvctl shows on host2"
show host2 "$hnvctl" switch show
show host2 "$hnvctl" subnet show
show host2 "$hnvctl" vnet show
show host2 "$hnvctl" port show
show host2 "$hnvctl" map show

say "The physical network: host2 reaches host1's PA through the router"
show host2 ping -c 1 -W 1 192.168.1.10

cap=$(mktemp)
ip netns exec "$(ns router)" tcpdump -Z root -n -U -i r1 -w "$cap" ip \
	2>/dev/null &
tcpdump_pid=$!
sleep 2

say "Each tenant's Web VM opens TCP to 10.1.1.11 and reaches its own SQL VM"
for t in contoso fabrikam; do
	on "$t-sql" sh -c "echo 'hello from $t-sql' | nc -l -p 1433 -q 1 &"
done
sleep 0.5
for t in contoso fabrikam; do
	printf '%s-web# nc 10.1.1.11 1433\n    %s\n' "$t" \
		"$(on "$t-web" timeout 10 nc -N 10.1.1.11 1433 </dev/null)"
done
for t in contoso fabrikam; do
	printf '    %s-web sees 10.1.1.11 at %s (%s-sql has %s)\n' "$t" \
		"$(on "$t-web" ip neigh show 10.1.1.11 | awk '{print $5}')" "$t" \
		"$(on "$t-sql" cat /sys/class/net/eth0/address)"
done

say "Inside host1: each tenant's App VM reaches its own SQL VM (never leaves the host)"
for t in contoso fabrikam; do
	show "$t-app" ping -c 2 -i 0.3 -W 1 10.1.1.11
done

sleep 1
kill "$tcpdump_pid"
wait "$tcpdump_pid" 2>/dev/null
say "On the physical wire between host2 and the router (tcpdump on the router)"
tcpdump -Z root -n -r "$cap" 2>/dev/null | grep VXLAN | head -2 | sed 's/^/    /'
tcpdump -Z root -n -r "$cap" 2>/dev/null | grep GRE | head -2 | sed 's/^/    /'
python3 "$(dirname "$0")/../../selftests/pcap_summary.py" "$cap" |
	awk '{n[$1]++; if ($1 == "vxlan") v[$7]++; if ($1 == "nvgre") g[$7]++}
	     END {printf "    %d IP packets: %d VXLAN (%s), %d NVGRE (%s), %d unencapsulated\n",
		  NR, n["vxlan"], v["vni=5001"] " with vni=5001", n["nvgre"],
		  g["vsid=6001"] " with vsid=6001", n["ip"]}'
rm -f "$cap"

say "The flows host2's switch composed and cached (one lookup per packet after the first)"
show host2 "$hnvctl" flow show

say "Routing: Contoso SQL (10.1.1.0/24, host1) reaches Contoso Report (10.1.2.0/24, host2)"
show contoso-sql ping -c 2 -i 0.3 -W 1 10.1.2.12
echo "    (ttl 63: routed once, on host1, and sent straight to host2 in VSID 5002)"
show host1 "$hnvctl" flow show dev contoso-sql
show fabrikam-sql ping -c 1 -W 1 10.1.2.12
echo "    (Fabrikam's RDID has no 10.1.2.0/24: its gateway answers unreachable)"

say "ARP is answered by the switch; an unknown address gets no answer and one event"
# Not through on(): $! must be hnvctl itself (ip netns exec execs it).
ip netns exec "$(ns host1)" "$hnvctl" monitor switch hnv0 \
	> "/tmp/hnv-demo-events.$sfx" 2>&1 &
monitor_pid=$!
sleep 0.5
show contoso-app ping -c 2 -i 0.3 -W 1 10.1.1.99
sleep 0.5
kill "$monitor_pid"
wait "$monitor_pid" 2>/dev/null
printf 'host1# %s monitor switch hnv0\n' "$hnvctl"
sed 's/^/    /' "/tmp/hnv-demo-events.$sfx"
rm -f "/tmp/hnv-demo-events.$sfx"
show host1 "$hnvctl" flow show dev contoso-app

say "Isolation: a Fabrikam VM cannot reach Contoso (same address space, other VSID)"
on fabrikam-web ip neigh replace 10.1.1.99 lladdr \
	"$(on contoso-sql cat /sys/class/net/eth0/address)" dev eth0
if on fabrikam-web ping -c 2 -W 1 10.1.1.99 >/dev/null 2>&1; then
	echo "    fabrikam-web -> contoso-sql's MAC: reached (unexpected)"
else
	echo "    fabrikam-web -> contoso-sql's MAC: nothing arrives; host2 has no such"
	echo "    MAC in VSID 6001, so the frame only floods inside Fabrikam's VSID"
fi
show host2 "$hnvctl" stats show dev fabrikam-web

say "ACLs: Contoso's SQL VM takes only SQL (tcp/1433) from its Web VM, statefully"
peer="$(dirname "$0")/../../selftests/acl_peer.py"
on contoso-sql python3 "$peer" serve --tcp 1433 --tcp 22 >/dev/null 2>&1 &
peer_pid=$!
show host1 "$hnvctl" acl default dev contoso-sql dir in deny
show host1 "$hnvctl" acl default dev contoso-sql dir out deny
show host1 "$hnvctl" acl add dev contoso-sql dir in prio 100 allow stateful \
	proto tcp src 10.1.1.12/32 dport 1433
show host1 "$hnvctl" acl show
sleep 0.5
show contoso-web nc -z -v -w 2 10.1.1.11 1433
echo "    (allowed; its replies pass contoso-sql's out default deny: the"
echo "    connection is tracked)"
show host1 "$hnvctl" conn show
show contoso-web nc -z -v -w 2 10.1.1.11 22
echo "    (denied: why?)"
show host1 "$hnvctl" trace dev hnv0 vsid 5001 tun-src 192.168.2.20 \
	tcp src 10.1.1.12 dst 10.1.1.11 sport 40000 dport 22
show host1 "$hnvctl" acl show dev contoso-sql
kill "$peer_pid"
wait "$peer_pid" 2>/dev/null || true
