/**
 * Regions and categories: the township and village registry read from
 * {@code jobs/regions/}, the three premises categories, and the aliases clerks really
 * type. {@link RegistrySync} mirrors the registry into the {@code region_*} tables that
 * the SQL stages join.
 */
package cn.yongkang.campaign.registry;
