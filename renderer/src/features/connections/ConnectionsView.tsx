export function ConnectionsView() {
  return (
    <section className="p-6">
      <h1 className="text-lg font-semibold">Connections</h1>
    </section>
  );
}
