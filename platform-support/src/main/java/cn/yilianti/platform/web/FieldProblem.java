package cn.yilianti.platform.web;

/**
 * One invalid field or parameter: its path ({@code diagnosis.code}, {@code attachments[0].url}),
 * the rule it broke ({@code NotBlank}, {@code Pattern}, {@code type}, {@code enum}) and a message.
 * The rejected value is never echoed: it may be a patient's data.
 */
public record FieldProblem(String field, String rule, String message) {}
