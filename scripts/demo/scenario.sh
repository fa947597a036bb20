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
  Contoso:  SQL 10.1.1.11 on host1, Web 10.1.1.12 on host2   (VSID 5001)
  Fabrikam: SQL 10.1.1.11 on host1, Web 10.1.1.12 on host2   (VSID 6001)
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
	on "$n" "$hnvctl" subnet add vsid 5001 rdid 1 switch hnv0
	on "$n" "$hnvctl" subnet add vsid 6001 rdid 2 switch hnv0
done
vmno=0
plug() { # VM HOST CA VSID
	local mac
	vmno=$((vmno + 1))
	mac=$(printf '02:00:00:00:00:%02x' $vmno)
	ip -n "$(ns "$2")" link add "$1" type veth peer name eth0 netns "$(ns "$1")"
	on "$1" ip link set eth0 address "$mac"
	on "$2" ip link set "$1" master hnv0
	on "$2" "$hnvctl" port set dev "$1" vsid "$4" mac "$mac"
	on "$2" ip link set "$1" up
	on "$1" ip addr add "$3/24" dev eth0
	on "$1" ip link set eth0 up
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

say "What hnvctl shows on host1"
show host1 "$hnvctl" subnet show
show host1 "$hnvctl" port show

say "Inside host1: each tenant's App VM reaches its own SQL VM at 10.1.1.11"
for t in contoso fabrikam; do
	show "$t-app" ping -c 2 -i 0.3 -W 1 10.1.1.11
	printf '    10.1.1.11 is at %s (%s-sql has %s)\n' \
		"$(on "$t-app" ip neigh show 10.1.1.11 | awk '{print $5}')" "$t" \
		"$(on "$t-sql" cat /sys/class/net/eth0/address)"
done

say "The flows host1's switch composed and cached (one lookup per packet after the first)"
show host1 "$hnvctl" flow show

say "The physical network works: host2 reaches host1's PA through the router"
show host2 ping -c 2 -W 1 192.168.1.10

say "Across hosts: Contoso Web -> Contoso SQL, Fabrikam Web -> Fabrikam SQL"
echo "  CA->PA mappings and VXLAN/NVGRE encapsulation are not implemented yet,"
echo "  so nothing leaves a host: the web VMs' ARP requests find no other port"
echo "  of their VSID on host2 and are dropped and counted (no-dest)."
for t in contoso fabrikam; do
	if on "$t-web" ping -c 2 -W 1 10.1.1.11 >/dev/null 2>&1; then
		echo "  $t-web -> 10.1.1.11: reached (unexpected)"
	else
		echo "  $t-web -> 10.1.1.11: no reply"
	fi
done
show host2 "$hnvctl" stats show dev contoso-web
