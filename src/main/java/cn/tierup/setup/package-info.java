/**
 * Start-up data: the first administrator of a fresh installation, the demo city, and the synthetic
 * province-size data set used by benchmarks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Setup")
package cn.tierup.setup;
