using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>A service's responsibility for an indicator, at its place in the order the plan lists them ("Mas'ullar").</summary>
public class Responsibility
{
    private Responsibility()
    {
    }

    internal Responsibility(Indicator indicator, ServiceUnit service, int position)
    {
        Indicator = indicator;
        Service = service;
        Position = position;
    }

    public int IndicatorId { get; private set; }

    public Indicator? Indicator { get; private set; }

    public int ServiceId { get; private set; }

    public ServiceUnit? Service { get; private set; }

    public int Position { get; internal set; }
}
