package cn.yilianti.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare service for testing the platform auto-configurations on real infrastructure. */
@SpringBootApplication
public class PlatformTestApplication {}
