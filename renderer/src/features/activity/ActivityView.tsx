export function ActivityView() {
  return (
    <section className="p-6">
      <h1 className="text-lg font-semibold">Activity</h1>
    </section>
  );
}
