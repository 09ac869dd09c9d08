package cn.yilianti.events.registry;

import cn.yilianti.events.consultation.ConsultationType;
import java.util.Set;

/** What a hospital receives: green-channel cases and which remote consultation types. */
public record Capabilities(boolean greenChannel, Set<ConsultationType> consultations) {}
