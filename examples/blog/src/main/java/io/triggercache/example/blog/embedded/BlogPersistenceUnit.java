package io.triggercache.example.blog.embedded;

import io.triggercache.example.blog.model.Author;
import io.triggercache.example.blog.model.Comment;
import io.triggercache.example.blog.model.Post;
import io.triggercache.example.blog.model.Tag;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * The embedded run's persistence unit, described in code: resource-local over a given data source.
 * In code rather than in {@code META-INF/persistence.xml} so that the application's descriptor stays the
 * one an application server deploys (JTA, the server's data source).
 */
record BlogPersistenceUnit(DataSource dataSource, Properties properties) implements PersistenceUnitInfo {

    static final List<String> ENTITIES = List.of(Author.class.getName(), Tag.class.getName(), Post.class.getName(),
            Comment.class.getName());

    @Override
    public String getPersistenceUnitName() {
        return "blog-embedded";
    }

    @Override
    public String getPersistenceProviderClassName() {
        return HibernatePersistenceProvider.class.getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return null;
    }

    @Override
    public List<String> getManagedClassNames() {
        return ENTITIES;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return BlogPersistenceUnit.class.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // no bytecode enhancement in the embedded run
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return null;
    }
}
