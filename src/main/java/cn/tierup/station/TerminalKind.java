package cn.tierup.station;

/** How a station receives the programmes: 卫星, 互联网/IPTV, 有线, 移动终端, 其他. */
public enum TerminalKind {
    SATELLITE, INTERNET, CABLE, MOBILE, OTHER
}
