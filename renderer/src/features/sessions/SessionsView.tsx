export function SessionsView() {
  return (
    <section className="p-6">
      <h1 className="text-lg font-semibold">Sessions</h1>
    </section>
  );
}
