package modulefixture.platform;

/** An amount in minor units, for the fixture's modules to depend on legitimately. */
public record Money(long amount, String currency) {
}
