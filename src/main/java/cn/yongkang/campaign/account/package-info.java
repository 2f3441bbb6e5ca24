/**
 * Console accounts: logins with a role ({@code operator}, {@code office},
 * {@code township}), BCrypt password hashes in {@code console_user}, and the lock-out
 * after repeated failed logins. The command line creates them ({@code user}); the console
 * authenticates against them.
 */
package cn.yongkang.campaign.account;
