using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>A service responsible for an indicator, in the order the plan lists them ("Mas'ullar").</summary>
public class IndicatorService
{
    private IndicatorService()
    {
    }

    internal IndicatorService(Indicator indicator, Service service, int position)
    {
        Indicator = indicator;
        Service = service;
        Position = position;
    }

    public int IndicatorId { get; private set; }

    public Indicator? Indicator { get; private set; }

    public int ServiceId { get; private set; }

    public Service? Service { get; private set; }

    public int Position { get; internal set; }
}

/// <summary>A service responsible for an indicator in the version in force, in its printed order (who enters the row's actuals).</summary>
public class InForceService
{
    private InForceService()
    {
    }

    internal InForceService(Indicator indicator, IndicatorService responsible)
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

    public Service? Service { get; private set; }

    public int Position { get; internal set; }

    internal bool IsFor(IndicatorService responsible) =>
        responsible.Service is { } service && Service is not null ? ReferenceEquals(service, Service) : responsible.ServiceId == ServiceId && ServiceId != 0;
}
