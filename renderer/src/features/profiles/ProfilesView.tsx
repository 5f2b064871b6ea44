export function ProfilesView() {
  return (
    <section className="p-6">
      <h1 className="text-lg font-semibold">Profiles</h1>
    </section>
  );
}
