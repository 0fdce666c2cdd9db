/**
 * 远程教育站点: the 党员干部现代远程教育 terminal stations — the registry kept by each hosting organisation, the
 * learning sessions held at them, their part of the 现状大调查 and their classification 先进/一般/后进 against a station
 * standard, with forms 5–7 of the notice. Stations are not party organisations: they are reached through their host,
 * and the one scope guard decides over the host.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stations")
package cn.tierup.station;
