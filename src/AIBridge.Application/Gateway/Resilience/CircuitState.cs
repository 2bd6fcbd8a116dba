namespace AIBridge.Application.Gateway.Resilience;

public enum CircuitState
{
    Closed,
    HalfOpen,
    Open,
}
