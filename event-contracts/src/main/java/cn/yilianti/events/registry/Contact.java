package cn.yilianti.events.registry;

/** One way to reach a coordinator or a hospital system. */
public record Contact(ChannelType channel, String address) {}
