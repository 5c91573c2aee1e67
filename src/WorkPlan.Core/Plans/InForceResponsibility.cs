using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>A service responsible for an indicator in the version in force, in its printed order (who enters the row's actuals).</summary>
public class InForceResponsibility
{
    private InForceResponsibility()
    {
    }

    internal InForceResponsibility(Indicator indicator, Responsibility responsible)
    {
        Indicator = indicator;
        if (responsible.Service is { } service)
        {
            Service = service;
        }
        else
        {
            ServiceId = responsible.ServiceId;
        }

        Position = responsible.Position;
    }

    public int IndicatorId { get; private set; }

    public Indicator? Indicator { get; private set; }

    public int ServiceId { get; private set; }

    public ServiceUnit? Service { get; private set; }

    public int Position { get; internal set; }

    internal bool IsFor(Responsibility responsible) =>
        responsible.Service is { } service && Service is not null ? ReferenceEquals(service, Service) : responsible.ServiceId == ServiceId && ServiceId != 0;
}
