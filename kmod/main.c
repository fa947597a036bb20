// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnv: network virtualization in the style of HNVv2.  Module init and exit.
 */

#include <linux/module.h>
#include <net/genetlink.h>
#include <net/rtnetlink.h>

#include "hnv.h"

unsigned int hnv_net_id __read_mostly;

#ifdef HNV_SELFTEST
/* Test builds only: selftests/lifecycle.sh reloads the module 100 times. */
static bool selftest = true;
module_param(selftest, bool, 0444);
MODULE_PARM_DESC(selftest, "run the load-time self-tests (default: yes)");
#endif

static int __init hnv_init(void)
{
	int err;

#ifdef HNV_SELFTEST
	if (selftest) {
		err = hnv_selftest();
		if (err)
			return err;
	}
#endif
	err = register_pernet_device(&hnv_net_ops);
	if (err)
		return err;
	err = register_netdevice_notifier(&hnv_netdev_notifier);
	if (err)
		goto err_pernet;
	err = rtnl_link_register(&hnv_link_ops);
	if (err)
		goto err_notifier;
	err = hnv_genl_init();
	if (err)
		goto err_link;
	pr_info("hnv: network virtualization switch %s, genl family %s v%u\n",
		HNV_VERSION, HNV_GENL_NAME, HNV_GENL_VERSION);
	return 0;

err_link:
	rtnl_link_unregister(&hnv_link_ops);
err_notifier:
	unregister_netdevice_notifier(&hnv_netdev_notifier);
err_pernet:
	unregister_pernet_device(&hnv_net_ops);
	return err;
}

static void __exit hnv_exit(void)
{
	hnv_genl_exit();
	/* Deletes every switch in every namespace, detaching its ports. */
	rtnl_link_unregister(&hnv_link_ops);
	unregister_netdevice_notifier(&hnv_netdev_notifier);
	unregister_pernet_device(&hnv_net_ops);
	/* Ports are freed through call_rcu(). */
	rcu_barrier();
}

module_init(hnv_init);
module_exit(hnv_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("hnv: HNVv2-style network virtualization switch");
MODULE_AUTHOR("The hnv authors");
MODULE_ALIAS_RTNL_LINK("hnv");
MODULE_ALIAS_GENL_FAMILY(HNV_GENL_NAME);
MODULE_VERSION(HNV_VERSION);
